using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DonDoc.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL server for the whole test run, started from the machine's binaries in a temp
/// folder on a free loopback port and stopped at the end. Tests that need it skip, naming what is missing,
/// when there are no binaries; CI turns such skips into failures.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private string? _dir;
    private string? _bin;
    private bool _asPostgresUser;

    public string? ConnectionString { get; private set; }
    public string? Missing { get; private set; }

    public async ValueTask InitializeAsync()
    {
        _bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
                .OrderByDescending(b => b, StringComparer.Ordinal).FirstOrDefault()
            : null;
        if (_bin is null)
        {
            Missing = "PostgreSQL server binaries (initdb, pg_ctl under /usr/lib/postgresql/*/bin) are not installed: apt-get install postgresql";
            return;
        }
        // initdb and postgres refuse to run as root; CI runs as root, so the server runs as the postgres user.
        _asPostgresUser = Environment.UserName == "root";
        _dir = Directory.CreateTempSubdirectory("dondoc-pg-").FullName;
        if (_asPostgresUser)
            await RunAsync("chown", ["-R", "postgres:postgres", _dir], asPostgres: false);
        var port = FreePort();
        var data = Path.Combine(_dir, "data");
        await RunAsync(Path.Combine(_bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
        await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(_dir, "server.log"), "-w", "-t", "60", "-o",
            $"-c listen_addresses=127.0.0.1 -p {port} -k {_dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300", "start"]);
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Include Error Detail=true";
    }

    public async ValueTask DisposeAsync()
    {
        if (_dir is null || _bin is null)
            return;
        try
        {
            await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_dir, "data"), "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    /// <summary>A connection string to a new, empty database on the server.</summary>
    public string NewDatabase()
    {
        Assert.SkipWhen(ConnectionString is null, Missing ?? "PostgreSQL is not available");
        return $"{ConnectionString};Database=t_{Guid.NewGuid():N}";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task RunAsync(string file, string[] args) => RunAsync(file, args, _asPostgresUser);

    private static async Task RunAsync(string file, string[] args, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", file })
                start.ArgumentList.Add(a);
        }
        foreach (var a in args)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} failed ({process.ExitCode}): {await stderr}{await stdout}");
    }
}
