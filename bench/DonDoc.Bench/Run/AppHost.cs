using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DonDoc.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DonDoc.Bench.Run;

/// <summary>
/// The app under test on Kestrel on loopback, pointed at the benchmark's database with background jobs off. Normally a
/// child process running the Release build, so its working set is the app's alone; in-process for tests, where the
/// working set is the benchmark's and the app's together.
/// </summary>
internal abstract class AppHost : IAsyncDisposable
{
    public Uri BaseAddress { get; protected init; } = null!;

    /// <summary>The app process's working set now.</summary>
    public abstract long WorkingSet { get; }

    /// <summary>The most the app process's working set has been since it started.</summary>
    public abstract long PeakWorkingSet { get; }

    public abstract string Description { get; }

    public abstract ValueTask DisposeAsync();

    /// <param name="services">More services for an in-process app (the circuit counter of <see cref="CircuitMemory"/>).</param>
    public static async Task<AppHost> StartAsync(BenchDatabase database, bool inProcess, Action<IServiceCollection>? services = null)
    {
        var settings = new Dictionary<string, string>(database.AppSettings)
        {
            ["Demo__Load"] = "false",
            ["Jobs__Enabled"] = "false",
            // The benchmark is the load; the limits that guard a real server would only measure themselves.
            ["RateLimits__ApiPerMinute"] = "0",
            ["RateLimits__LoginPerMinute"] = "0",
            // The generated accounts sign in with a password or a token only.
            ["Security__TwoFactorRequiredRoles"] = "",
            ["DataProtection__KeysPath"] = Directory.CreateTempSubdirectory("dondoc-bench-keys-").FullName,
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
        };
        AppHost host = inProcess ? await InProcess.StartAsync(settings, services) : await ChildProcess.StartAsync(settings);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if ((await http.GetAsync("/healthz")).IsSuccessStatusCode)
                    return host;
            }
            catch (HttpRequestException) when (attempt < 600)
            {
            }
            await Task.Delay(100);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>`dotnet build -c Release` of the app, then `dotnet DonDoc.dll` from its content root.</summary>
    private sealed class ChildProcess : AppHost
    {
        private readonly Process _process;
        private readonly EventHandler _killOnExit;

        private ChildProcess(Process process, int port)
        {
            _process = process;
            BaseAddress = new Uri($"http://127.0.0.1:{port}");
            // Stopping the benchmark (Ctrl+C, kill) must not leave the app running.
            _killOnExit = (_, _) => Stop();
            AppDomain.CurrentDomain.ProcessExit += _killOnExit;
        }

        public override long WorkingSet => Refreshed().WorkingSet64;
        public override long PeakWorkingSet => Refreshed().PeakWorkingSet64;
        public override string Description => $"child process {_process.Id}, Release build, Kestrel on {BaseAddress}";

        private Process Refreshed()
        {
            _process.Refresh();
            return _process;
        }

        public static async Task<AppHost> StartAsync(Dictionary<string, string> settings)
        {
            var project = Path.Combine(Repo.AppRoot, "DonDoc.csproj");
            Console.Error.WriteLine("Biên dịch ứng dụng (Release)…");
            using (var build = Process.Start(new ProcessStartInfo("dotnet", ["build", project, "-c", "Release", "--nologo", "-v", "q"]) { RedirectStandardOutput = true })!)
            {
                var output = await build.StandardOutput.ReadToEndAsync();
                await build.WaitForExitAsync();
                if (build.ExitCode != 0)
                    throw new InvalidOperationException($"Không biên dịch được ứng dụng:\n{output}");
            }
            var port = FreePort();
            var start = new ProcessStartInfo("dotnet", [Path.Combine(Repo.AppRoot, "bin", "Release", "net10.0", "DonDoc.dll"), "--urls", $"http://127.0.0.1:{port}"])
            {
                WorkingDirectory = Repo.AppRoot,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            foreach (var (key, value) in settings)
                start.Environment[key] = value;
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine($"  [app] {e.Data}"); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine($"  [app] {e.Data}"); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return new ChildProcess(process, port);
        }

        private void Stop()
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
        }

        public override async ValueTask DisposeAsync()
        {
            AppDomain.CurrentDomain.ProcessExit -= _killOnExit;
            Stop();
            await _process.WaitForExitAsync();
            _process.Dispose();
        }
    }

    /// <summary>The app's own startup (Hosting.AddDonDocServices, UseDonDocPipeline) inside this process.</summary>
    private sealed class InProcess : AppHost
    {
        private readonly WebApplication _app;

        private InProcess(WebApplication app)
        {
            _app = app;
            BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        }

        public override long WorkingSet => Process.GetCurrentProcess().WorkingSet64;
        public override long PeakWorkingSet => Process.GetCurrentProcess().PeakWorkingSet64;
        public override string Description => $"in the benchmark's process, Kestrel on {BaseAddress}";

        public static async Task<AppHost> StartAsync(Dictionary<string, string> settings, Action<IServiceCollection>? services)
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions
            {
                ApplicationName = "DonDoc", ContentRootPath = Repo.AppRoot, EnvironmentName = Environments.Production,
            });
            builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key.Replace("__", ":", StringComparison.Ordinal), s.Value)));
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.WebHost.UseStaticWebAssets();
            builder.AddDonDocServices();
            services?.Invoke(builder.Services);
            var app = builder.Build();
            await Startup.PrepareDatabaseAsync(app.Services, app.Configuration, app.Logger);
            app.UseDonDocPipeline();
            await app.StartAsync();
            return new InProcess(app);
        }

        public override async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
