using System.Data.Common;
using DonDoc.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace DonDoc.Bench.Generate;

/// <summary>
/// Writes entities straight into their table, with the table and column names, value conversions (enums stored as
/// text) and store types read from the app's own EF model: PostgreSQL's binary COPY, or on SQLite one prepared INSERT
/// reused for every row. No change tracking and no audit interceptor: loading a million rows that way takes hours.
/// Ids are given by the caller, so rows can point at each other before they are written.
/// </summary>
internal sealed class BulkTable<T>(DonDocDbContext db, DatabaseProvider provider) where T : class
{
    private readonly IEntityType _entity = db.Model.FindEntityType(typeof(T))
        ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");

    public async Task WriteAsync(IEnumerable<T> rows, CancellationToken ct = default)
    {
        var table = _entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, _entity.GetSchema());
        var columns = _entity.GetProperties().Select(p => new Column(p, p.GetColumnName(store)!, p.GetRelationalTypeMapping())).ToList();
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(ct);
        if (provider == DatabaseProvider.Postgres)
        {
            await CopyAsync((NpgsqlConnection)connection, table, columns, rows, ct);
            await ResetIdentityAsync(store, ct);
        }
        else
        {
            await InsertAsync((SqliteConnection)connection, table, columns, rows, ct);
        }
    }

    /// <summary>Rows came with their own ids: the next id PostgreSQL hands out must follow the largest.</summary>
    private async Task ResetIdentityAsync(StoreObjectIdentifier store, CancellationToken ct)
    {
        if (_entity.FindPrimaryKey()!.Properties is not [{ ValueGenerated: ValueGenerated.OnAdd } key])
            return;
        var table = store.Name;
        var column = key.GetColumnName(store)!;
        // Names from the EF model, not from input.
        var sql = $"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), COALESCE((SELECT MAX(\"{column}\") FROM \"{table}\"), 1))";
        await db.Database.ExecuteSqlRawAsync(sql, ct);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string table, List<Column> columns, IEnumerable<T> rows, CancellationToken ct)
    {
        var names = string.Join(", ", columns.Select(c => Quote(c.Name)));
        await using var writer = await connection.BeginBinaryImportAsync($"COPY {Quote(table)} ({names}) FROM STDIN (FORMAT BINARY)", ct);
        // "character varying(200)" → "character varying": COPY wants the type's name, not its length.
        var types = columns.Select(c => c.Mapping.StoreType.Split('(')[0]).ToArray();
        foreach (var row in rows)
        {
            await writer.StartRowAsync(ct);
            for (var i = 0; i < columns.Count; i++)
            {
                if (columns[i].Value(row) is { } value)
                    await writer.WriteAsync(value, types[i], ct);
                else
                    await writer.WriteNullAsync(ct);
            }
        }
        await writer.CompleteAsync(ct);
    }

    private static async Task InsertAsync(SqliteConnection connection, string table, List<Column> columns, IEnumerable<T> rows, CancellationToken ct)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {Quote(table)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) "
            + $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
        command.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
                parameters[i].Value = columns[i].Value(row) ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }

    private static string Quote(string name) => $"\"{name}\"";

    private sealed record Column(IProperty Property, string Name, Microsoft.EntityFrameworkCore.Storage.RelationalTypeMapping Mapping)
    {
        public object? Value(T row)
        {
            var value = Property.GetGetter().GetClrValue(row);
            var converter = Property.GetValueConverter() ?? Mapping.Converter;
            return value is null || converter is null ? value : converter.ConvertToProvider(value);
        }
    }
}

internal static class BulkTable
{
    public static Task WriteAsync<T>(DonDocDbContext db, DatabaseProvider provider, IEnumerable<T> rows, CancellationToken ct = default) where T : class =>
        new BulkTable<T>(db, provider).WriteAsync(rows, ct);
}
