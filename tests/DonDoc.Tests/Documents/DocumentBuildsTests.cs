using DonDoc.Documents;

namespace DonDoc.Tests.Documents;

public sealed class DocumentBuildsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Builds_beyond_the_slots_wait_for_one_to_finish_before_they_start()
    {
        var builds = new DocumentBuilds(2);
        var release = new TaskCompletionSource();
        var started = 0;
        Task<int> Build() => builds.RunAsync(async () =>
        {
            Interlocked.Increment(ref started);
            await release.Task;
            return 1;
        }, Ct);

        var running = new[] { Build(), Build() };
        var waiting = Build();

        Assert.Equal(2, Volatile.Read(ref started));
        Assert.False(waiting.IsCompleted);
        release.SetResult();
        Assert.Equal(3, (await Task.WhenAll([.. running, waiting])).Sum());
        Assert.Equal(3, started);
    }

    [Fact]
    public async Task A_build_that_fails_gives_its_slot_back()
    {
        var builds = new DocumentBuilds(1);

        await Assert.ThrowsAsync<InvalidOperationException>(() => builds.RunAsync<int>(() => throw new InvalidOperationException(), Ct));

        Assert.Equal(7, await builds.RunAsync(() => Task.FromResult(7), Ct));
    }
}
