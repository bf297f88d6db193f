using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using DonDoc.Features.Users;
using DonDoc.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace DonDoc.Tests.Reliability;

/// <summary>
/// The app process is killed (SIGKILL, no shutdown) in the middle of a stream of writes; after a restart every
/// write it acknowledged is there, the database file is sound and the audit chain is whole.
/// </summary>
public sealed class CrashTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record UnitRow(string Code);

    [Fact]
    public async Task Every_acknowledged_write_survives_a_kill_in_the_middle_of_writing()
    {
        string dir, userName;
        await using (var setup = new DonDocApp(Provider.Sqlite))
        {
            setup.StartServer();
            userName = (await setup.UserAsync(Roles.Admin, (await setup.UnitAsync("UBND tỉnh thử " + TestData.UniqueCode())).Id)).UserName!;
            // The test app's folder goes with it; the app to be killed gets a copy of its own.
            SqliteConnection.ClearAllPools();
            dir = CopyOf(setup.ContentDirectory);
        }
        var database = $"Data Source={Path.Combine(dir, "dondoc.db")}";
        try
        {
            var acknowledged = new ConcurrentBag<string>();
            using (var first = await AppProcess.StartAsync(dir, database))
            {
                var client = await first.SignedInAsync(userName);
                var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
                {
                    for (var i = 0; ; i++)
                    {
                        var code = $"K{w}-{i}";
                        try
                        {
                            using var response = await client.PostAsJsonAsync("/api/v1/units", new { code, name = $"Đơn vị ghi {code}", kind = "Commune" }, CancellationToken.None);
                            if (response.StatusCode == HttpStatusCode.Created)
                                acknowledged.Add(code);
                        }
                        catch (HttpRequestException)
                        {
                            return;   // the process is gone
                        }
                    }
                })).ToList();
                while (acknowledged.Count < 40)
                    await Task.Delay(20, Ct);
                first.Kill();
                await Task.WhenAll(writers);
            }

            using var second = await AppProcess.StartAsync(dir, database);
            var units = await (await second.SignedInAsync(userName)).GetFromJsonAsync<List<UnitRow>>("/api/v1/units?includeInactive=true", Ct);
            var codes = units!.Select(u => u.Code).ToHashSet();
            Assert.True(acknowledged.Count >= 40);
            Assert.All(acknowledged, code => Assert.Contains(code, codes));

            await using (var sqlite = new SqliteConnection(database + ";Pooling=False"))
            {
                await sqlite.OpenAsync(Ct);
                await using var check = sqlite.CreateCommand();
                check.CommandText = "PRAGMA integrity_check";
                Assert.Equal("ok", await check.ExecuteScalarAsync(Ct));
            }
            var (verified, output) = await Verbs.RunAsync(Provider.Sqlite, database, dir, "verify-audit");
            Assert.True(verified == 0, output);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string CopyOf(string dir)
    {
        var copy = Directory.CreateTempSubdirectory("dondoc-crash-").FullName;
        foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(dir, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return copy;
    }

    /// <summary>DonDoc.dll run by <c>dotnet</c> as a process of its own, on a free loopback port.</summary>
    private sealed class AppProcess : IDisposable
    {
        private readonly Process _process;
        private readonly Uri _base;

        private AppProcess(Process process, Uri baseAddress) => (_process, _base) = (process, baseAddress);

        public static async Task<AppProcess> StartAsync(string dir, string database)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "DonDoc.dll"));
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["urls"] = $"http://127.0.0.1:{port}";
            start.Environment["Database__Provider"] = "Sqlite";
            start.Environment["ConnectionStrings__DonDoc"] = database;
            start.Environment["DataProtection__KeysPath"] = Path.Combine(dir, "keys");
            start.Environment["Uploads__Path"] = Path.Combine(dir, "files");
            start.Environment["Demo__Load"] = "false";
            start.Environment["Jobs__Enabled"] = "false";
            start.Environment["RateLimits__ApiPerMinute"] = "0";
            start.Environment["RateLimits__LoginPerMinute"] = "0";
            start.Environment["Security__TwoFactorRequiredRoles"] = "";
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}"));
            using var probe = new HttpClient { BaseAddress = app._base };
            for (var waited = 0; ; waited += 200)
            {
                try
                {
                    if ((await probe.GetAsync("/healthz", Ct)).IsSuccessStatusCode)
                        return app;
                }
                catch (HttpRequestException) when (waited < 90_000 && !process.HasExited)
                {
                }
                await Task.Delay(200, Ct);
            }
        }

        public async Task<HttpClient> SignedInAsync(string userName)
        {
            var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = _base };
            await client.LoginAsync(userName, TestData.Password);
            return client;
        }

        /// <summary>SIGKILL: no shutdown and no flushing, as a power cut or the out-of-memory killer would.</summary>
        public void Kill()
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        public void Dispose()
        {
            if (!_process.HasExited)
                Kill();
            _process.Dispose();
        }
    }
}
