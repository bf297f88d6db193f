using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DonDoc.Data;

/// <summary>
/// WAL lets readers run beside the writer; synchronous=FULL makes every acknowledged commit survive a
/// power cut (NORMAL can lose the last commits in WAL mode); busy_timeout waits for the writer instead of failing.
/// SQLite's own lower() folds only ASCII, so "đ" would not find "Đài": it is replaced by .NET's, as PostgreSQL's
/// lower() already folds Vietnamese letters.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        AddFunctions(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        AddFunctions(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddFunctions(DbConnection connection) =>
        ((SqliteConnection)connection).CreateFunction("lower", (string? s) => s?.ToLowerInvariant(), isDeterministic: true);
}
