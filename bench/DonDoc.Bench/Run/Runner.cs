namespace DonDoc.Bench.Run;

internal static class Runner
{
    public static Task<int> RunAsync(RunOptions options) => Task.FromResult(0);
}
