using DonDoc.Data;
using DonDoc.Features.Units;
using DonDoc.Features.Users;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DonDoc.Tests.Infrastructure;

public enum Provider { Sqlite, Postgres }

/// <summary>
/// The real app (real migrations, real Identity, real database) in memory, on SQLite in a temp folder or on
/// a fresh database of the throwaway PostgreSQL server. The clock is a <see cref="FakeTimeProvider"/>.
/// </summary>
public sealed class DonDocApp : WebApplicationFactory<Program>
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dondoc-test-").FullName;
    private readonly string _connectionString;

    public DonDocApp(Provider provider, string? postgresConnectionString = null, IDictionary<string, string?>? settings = null)
    {
        Provider = provider;
        _connectionString = provider == Provider.Sqlite
            ? $"Data Source={Path.Combine(_dir, "dondoc.db")}"
            : postgresConnectionString ?? throw new ArgumentNullException(nameof(postgresConnectionString));
        Settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
    }

    public Provider Provider { get; }
    public Dictionary<string, string?> Settings { get; }
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero));
    public string ContentDirectory => _dir;
    public string ConnectionString => _connectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:DonDoc", _connectionString);
        builder.UseSetting("Demo:Load", "false");
        // The scheduler would run passes on its own clock; tests run them when they choose (one test starts it).
        builder.UseSetting("Jobs:Enabled", "false");
        // Every test signs in through the login form from the same address; the limits have their own tests.
        builder.UseSetting("RateLimits:LoginPerMinute", "0");
        builder.UseSetting("RateLimits:ApiPerMinute", "0");
        // Test users sign in with a password only; the two-step requirement has its own tests.
        builder.UseSetting("Security:TwoFactorRequiredRoles", "");
        builder.UseSetting("DataProtection:KeysPath", Path.Combine(_dir, "keys"));
        builder.UseSetting("Uploads:Path", Path.Combine(_dir, "files"));
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public HttpClient NewClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Runs <paramref name="work"/> in a fresh DI scope, as the services of one request would.</summary>
    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
