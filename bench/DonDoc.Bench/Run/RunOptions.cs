using DonDoc.Bench.Generate;

namespace DonDoc.Bench.Run;

/// <param name="Postgres">A PostgreSQL server ("Host=…;Username=…"); the benchmark creates its database there. None: SQLite only.</param>
/// <param name="Requests">Requests per scenario and concurrency level: a bounded run, the same work at every level.</param>
/// <param name="Databases">Which of SQLite and PostgreSQL to run, in that order (PostgreSQL only with a server).</param>
/// <param name="InProcess">Host the app inside the benchmark's process (tests) rather than as a Release child process.</param>
internal sealed record RunOptions(Scale Scale, DateOnly Today, string? Postgres, IReadOnlyList<string> Databases, int Requests, int[] Clients, int Circuits, bool InProcess, bool WriteDocs);
