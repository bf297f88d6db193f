[assembly: AssemblyFixture(typeof(DonDoc.Tests.Infrastructure.Apps))]

namespace DonDoc.Tests.Infrastructure;

/// <summary>
/// One app per database provider, shared by the integration tests (starting an app costs a second or two),
/// and the throwaway PostgreSQL server behind the PostgreSQL one.
/// Tests stay independent by making their own data with unique keys.
/// </summary>
public sealed class Apps : IAsyncLifetime
{
    private readonly Lazy<DonDocApp> _sqlite;
    private readonly Lazy<DonDocApp> _postgres;

    public Apps()
    {
        _sqlite = new(() => Started(new DonDocApp(Provider.Sqlite)));
        _postgres = new(() => Started(new DonDocApp(Provider.Postgres, Postgres.NewDatabase())));
    }

    public static TheoryData<Provider> Providers => [Provider.Sqlite, Provider.Postgres];

    public PostgresServer Postgres { get; } = new();

    public ValueTask InitializeAsync() => Postgres.InitializeAsync();

    public DonDocApp For(Provider provider)
    {
        if (provider == Provider.Postgres)
            Assert.SkipWhen(Postgres.ConnectionString is null, Postgres.Missing ?? "PostgreSQL is not available");
        return provider == Provider.Sqlite ? _sqlite.Value : _postgres.Value;
    }

    /// <summary>An app of its own, for a test that moves the clock (the shared apps' clocks must stay put).</summary>
    public DonDocApp Isolated(Provider provider)
    {
        var app = provider == Provider.Sqlite
            ? new DonDocApp(Provider.Sqlite)
            : new DonDocApp(Provider.Postgres, Postgres.NewDatabase());
        return Started(app);
    }

    private static DonDocApp Started(DonDocApp app)
    {
        app.StartServer();
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqlite.IsValueCreated) await _sqlite.Value.DisposeAsync();
        if (_postgres.IsValueCreated) await _postgres.Value.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}
