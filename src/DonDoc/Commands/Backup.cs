using System.Diagnostics;
using System.IO.Compression;
using DonDoc.Data;
using DonDoc.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DonDoc.Commands;

/// <summary>
/// <c>backup --out FILE.zip</c> and <c>restore FILE.zip</c>: the database (SQLite's online backup, which copies a
/// consistent picture while the app keeps writing; pg_dump/pg_restore for PostgreSQL), every uploaded file, and
/// the key of the audit chain, without which a restored log could not be checked.
/// </summary>
public sealed class Backup(IConfiguration config, string contentRoot)
{
    private const string SqliteEntry = "database.sqlite";
    private const string PostgresEntry = "database.pgdump";
    private const string FilesFolder = "files/";
    private const string ChainKeyEntry = "keys/audit-chain.key";

    private DatabaseProvider Provider => DatabaseSetup.Provider(config);
    private string ConnectionString => DatabaseSetup.ResolvedConnectionString(config, contentRoot);
    private string FilesRoot => FileStore.RootOf(config, contentRoot);
    private string ChainKeyPath => DatabaseSetup.AuditChainKeyPath(config, contentRoot);

    public async Task<string> CreateAsync(string output, CancellationToken ct = default)
    {
        var work = Directory.CreateTempSubdirectory("dondoc-backup-").FullName;
        try
        {
            var dump = Path.Combine(work, Provider == DatabaseProvider.Sqlite ? SqliteEntry : PostgresEntry);
            if (Provider == DatabaseProvider.Sqlite)
                BackUpSqlite(ConnectionString, dump);
            else
                await RunAsync("pg_dump", ["--format=custom", "--no-owner", "--file", dump], ct);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            // Written under another name first: a copy cut short leaves no complete-looking .zip behind.
            var temporary = output + ".partial";
            var files = 0;
            using (var zip = ZipFile.Open(temporary, ZipArchiveMode.Create))
            {
                zip.CreateEntryFromFile(dump, Path.GetFileName(dump));
                if (File.Exists(ChainKeyPath))
                    zip.CreateEntryFromFile(ChainKeyPath, ChainKeyEntry);
                if (Directory.Exists(FilesRoot))
                {
                    foreach (var file in Directory.EnumerateFiles(FilesRoot, "*", SearchOption.AllDirectories))
                    {
                        zip.CreateEntryFromFile(file, FilesFolder + Path.GetRelativePath(FilesRoot, file).Replace('\\', '/'));
                        files++;
                    }
                }
            }
            File.Move(temporary, output, overwrite: true);
            return $"Đã sao lưu cơ sở dữ liệu và {files} tệp đính kèm vào {output}.";
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Restores into an empty database only: a restore must never be mixed with data already there.</summary>
    public async Task<string> RestoreAsync(string input, CancellationToken ct = default)
    {
        if (!File.Exists(input))
            throw new InvalidOperationException($"Không tìm thấy tệp sao lưu {input}.");
        using var zip = ZipFile.OpenRead(input);
        var entry = zip.GetEntry(Provider == DatabaseProvider.Sqlite ? SqliteEntry : PostgresEntry)
            ?? throw new InvalidOperationException($"Tệp {input} không phải bản sao lưu {Provider} của DonDoc.");
        if (!await IsEmptyAsync(ct))
            throw new InvalidOperationException("Cơ sở dữ liệu đích đã có dữ liệu; chỉ khôi phục vào cơ sở dữ liệu trống để không trộn lẫn.");
        var work = Directory.CreateTempSubdirectory("dondoc-restore-").FullName;
        try
        {
            var dump = Path.Combine(work, entry.Name);
            entry.ExtractToFile(dump);
            if (Provider == DatabaseProvider.Sqlite)
                BackUpSqlite($"Data Source={dump};Pooling=False", ConnectionString);
            else
                await RunAsync("pg_restore", ["--no-owner", "--exit-on-error", dump], ct, withDatabase: true);
            var files = 0;
            foreach (var file in zip.Entries.Where(e => e.FullName.StartsWith(FilesFolder, StringComparison.Ordinal) && e.Name.Length > 0))
            {
                var target = Path.GetFullPath(Path.Combine(FilesRoot, file.FullName[FilesFolder.Length..]));
                if (!target.StartsWith(Path.GetFullPath(FilesRoot) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                    throw new InvalidOperationException($"Tệp sao lưu có đường dẫn không hợp lệ: {file.FullName}.");
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                file.ExtractToFile(target, overwrite: true);
                files++;
            }
            if (zip.GetEntry(ChainKeyEntry) is { } key && !File.Exists(ChainKeyPath))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(ChainKeyPath)!);
                key.ExtractToFile(ChainKeyPath);
            }
            return $"Đã khôi phục cơ sở dữ liệu và {files} tệp đính kèm từ {input}.";
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static void BackUpSqlite(string from, string to)
    {
        using var source = new SqliteConnection(from);
        using var target = new SqliteConnection(to.Contains('=') ? to : $"Data Source={to};Pooling=False");
        source.Open();
        target.Open();
        source.BackupDatabase(target);
    }

    private async Task<bool> IsEmptyAsync(CancellationToken ct)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            if (!File.Exists(file))
                return true;
            await using var sqlite = new SqliteConnection(ConnectionString);
            await sqlite.OpenAsync(ct);
            await using var command = sqlite.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct)) == 0;
        }
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        var database = builder.Database ?? throw new InvalidOperationException("Chuỗi kết nối PostgreSQL thiếu tên cơ sở dữ liệu.");
        builder.Database = "postgres";
        await using (var server = new NpgsqlConnection(builder.ConnectionString))
        {
            await server.OpenAsync(ct);
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", server);
            exists.Parameters.AddWithValue("name", database);
            if (await exists.ExecuteScalarAsync(ct) is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"")}\"", server);
                await create.ExecuteNonQueryAsync(ct);
                return true;
            }
        }
        await using var pg = new NpgsqlConnection(ConnectionString);
        await pg.OpenAsync(ct);
        await using var tables = new NpgsqlCommand("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'", pg);
        return Convert.ToInt64(await tables.ExecuteScalarAsync(ct)) == 0;
    }

    /// <summary>Runs a PostgreSQL client tool with the app's connection passed through the environment, never the command line.</summary>
    private async Task RunAsync(string tool, string[] args, CancellationToken ct, bool withDatabase = false)
    {
        var cs = new NpgsqlConnectionStringBuilder(ConnectionString);
        var start = new ProcessStartInfo(Path.Combine(config["Backup:PostgresBin"] ?? "", tool)) { RedirectStandardError = true };
        foreach (var a in args)
            start.ArgumentList.Add(a);
        if (withDatabase)
        {
            start.ArgumentList.Add("--dbname");
            start.ArgumentList.Add(cs.Database!);
        }
        else
            start.ArgumentList.Add(cs.Database!);
        start.Environment["PGHOST"] = cs.Host;
        start.Environment["PGPORT"] = cs.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = cs.Username;
        start.Environment["PGDATABASE"] = cs.Database;
        if (cs.Password is { } password)
            start.Environment["PGPASSWORD"] = password;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Không chạy được {tool}.");
        var errors = await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} dừng với mã {process.ExitCode}: {errors.Trim()}");
    }
}
