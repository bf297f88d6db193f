namespace DonDoc.Bench.Run;

/// <summary>
/// One thing a user does, as the HTTP request the app answers, and for a read the best hand-written SQL fetching
/// the same data straight from the database (the floor). Adding a scenario is adding one of these to
/// <see cref="Scenarios.All"/>.
/// </summary>
/// <param name="Account">Who sends it (one of <see cref="Generate.BenchAccounts"/>).</param>
/// <param name="Request">The i-th request of a run.</param>
/// <param name="Floor">The i-th floor query; none for writes and for work that is not fetching (parsing a plan).</param>
/// <param name="Heavy">Seconds rather than milliseconds a request: a tenth of the requests, at least one per client.</param>
internal sealed record Scenario(string Name, string Account, Func<Fixture, int, HttpRequestMessage> Request,
    Func<Fixture, int, Task>? Floor = null, bool Heavy = false)
{
    public int RequestsFor(int requests, int clients) => Heavy ? Math.Max(clients, requests / 10) : requests;
}
