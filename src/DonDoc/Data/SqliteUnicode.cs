using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DonDoc.Data;

/// <summary>
/// SQLite's built-in lower() folds only ASCII, so a search for "đẩy mạnh" missed "Đẩy mạnh"; this replaces it on
/// every connection with .NET's Unicode lowering, which PostgreSQL's lower() already matches.
/// </summary>
internal sealed class SqliteUnicode : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Register(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Register(connection);
        return Task.CompletedTask;
    }

    private static void Register(DbConnection connection) =>
        ((SqliteConnection)connection).CreateFunction("lower", (string? s) => s?.ToLowerInvariant(), isDeterministic: true);
}
