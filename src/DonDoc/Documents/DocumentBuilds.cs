namespace DonDoc.Documents;

/// <summary>
/// A long official document is built whole in memory: its figures, its tree and its bytes (a 160-unit consolidation
/// takes tens of megabytes while it is written). Builds beyond one per core would only wait for the CPU anyway, so
/// they wait here, before loading anything, instead of all holding their memory at once: at 64 concurrent exports
/// the app's working set went past 1 GB.
/// </summary>
public sealed class DocumentBuilds(int slots)
{
    private readonly SemaphoreSlim _slots = new(slots);

    public async Task<T> RunAsync<T>(Func<Task<T>> build, CancellationToken ct)
    {
        await _slots.WaitAsync(ct);
        try
        {
            return await build();
        }
        finally
        {
            _slots.Release();
        }
    }
}
