using DonDoc.Commands;
using DonDoc.Data;
using DonDoc.Demo;
using DonDoc.Features.Users;
using DonDoc.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Tests.Demo;

/// <summary>When the demo is loaded, and that it is loaded whole or not at all.</summary>
public sealed class DemoLoadingTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, string?> DemoOn = new() { ["Demo:Load"] = "true" };

    [Fact]
    public async Task SQLite_with_demo_loading_off_starts_without_units_or_users()
    {
        await using var app = new DonDocApp(Provider.Sqlite, settings: new Dictionary<string, string?> { ["Demo:Load"] = "false" });
        app.StartServer();

        Assert.Equal((0, 0), await CountAsync(app));
    }

    [Fact]
    public async Task PostgreSQL_never_loads_the_demo_by_itself()
    {
        await using var app = new DonDocApp(Provider.Postgres, apps.Postgres.NewDatabase(), DemoOn);
        app.StartServer();

        Assert.Equal((0, 0), await CountAsync(app));
    }

    [Fact]
    public async Task The_seed_demo_command_loads_an_empty_PostgreSQL_database_and_refuses_a_second_time()
    {
        var connectionString = apps.Postgres.NewDatabase();

        var first = await SeedDemoAsync(connectionString);
        var second = await SeedDemoAsync(connectionString);

        Assert.Equal(0, first);
        Assert.Equal(1, second);
        await using var app = new DonDocApp(Provider.Postgres, connectionString);
        app.StartServer();
        Assert.Equal((DemoUnits.All.Count, DemoAccounts.All.Count), await CountAsync(app));
    }

    [Fact]
    public async Task A_load_that_fails_part_way_leaves_the_database_empty_so_the_next_start_loads_it()
    {
        await using var app = new DonDocApp(Provider.Sqlite);
        // Every unit is saved before the first account is refused.
        await using var failing = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddScoped<IPasswordValidator<User>, RefuseAll>()));

        await Assert.ThrowsAsync<InvalidOperationException>(() => WithDemoAsync(failing.Services, d => d.LoadAsync(Ct)));

        Assert.Equal((0, 0), await CountAsync(app));
        Assert.True(await WithDemoAsync(app.Services, d => d.IsDatabaseEmptyAsync(Ct)));
        await WithDemoAsync(app.Services, d => d.LoadAsync(Ct));
        Assert.Equal((DemoUnits.All.Count, DemoAccounts.All.Count), await CountAsync(app));
    }

    [Fact]
    public async Task Loading_into_a_database_with_data_is_refused_and_changes_nothing()
    {
        await using var app = new DonDocApp(Provider.Sqlite);
        app.StartServer();
        var unit = await app.UnitAsync("Đơn vị có sẵn");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => WithDemoAsync(app.Services, d => d.LoadAsync(Ct)));

        Assert.Contains("đã có dữ liệu", refused.Message);
        Assert.Equal((1, 0), await CountAsync(app));
        Assert.Equal(unit.Code, await app.WithScopeAsync(sp => sp.GetRequiredService<DonDocDbContext>().Units.Select(u => u.Code).SingleAsync(Ct)));
    }

    /// <summary>Runs <c>dotnet run -- seed-demo</c> against the database: the same host set-up and command code.</summary>
    private static async Task<int> SeedDemoAsync(string connectionString)
    {
        var dir = Directory.CreateTempSubdirectory("dondoc-seed-").FullName;
        try
        {
            return (await Verbs.RunAsync(Provider.Postgres, connectionString, dir, "seed-demo")).Code;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<T> WithDemoAsync<T>(IServiceProvider services, Func<DemoData, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<DemoData>());
    }

    private static Task WithDemoAsync(IServiceProvider services, Func<DemoData, Task> work) =>
        WithDemoAsync(services, async d => { await work(d); return true; });

    private static Task<(int Units, int Users)> CountAsync(DonDocApp app) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<DonDocDbContext>();
        return (await db.Units.CountAsync(Ct), await db.Users.CountAsync(Ct));
    });

    private sealed class RefuseAll : IPasswordValidator<User>
    {
        public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password) =>
            Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "Test", Description = "Mật khẩu bị từ chối (kiểm thử)." }));
    }
}
