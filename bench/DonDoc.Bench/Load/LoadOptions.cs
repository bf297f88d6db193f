using DonDoc.Bench.Generate;

namespace DonDoc.Bench.Load;

/// <param name="Postgres">A PostgreSQL server on this machine ("Host=127.0.0.1;…"); none: the scale's SQLite file.</param>
/// <param name="Users">Virtual users, each signed in as a different account, each sending one request after another.</param>
/// <param name="Duration">How long the users keep sending.</param>
/// <param name="MaxRequests">The bound on requests: the run stops at this count even before <paramref name="Duration"/>.</param>
/// <param name="ThinkTime">A user's pause between the answer and its next request.</param>
/// <param name="InProcess">Host the app inside the benchmark's process (tests) rather than as a Release child process.</param>
internal sealed record LoadOptions(Scale Scale, DateOnly Today, string? Postgres, int Users, TimeSpan Duration, int MaxRequests, TimeSpan ThinkTime,
    bool InProcess, bool WriteDocs);
