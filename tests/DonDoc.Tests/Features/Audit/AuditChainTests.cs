using System.Net.Http.Json;
using DonDoc.Data;
using DonDoc.Features.Audit;
using DonDoc.Features.Users;
using DonDoc.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Tests.Features.Audit;

/// <summary>
/// The audit log is a chain: an entry edited, deleted or slipped in straight in the database is found, and the app
/// itself never changes an entry. Each test has its own app, since it breaks the chain on purpose.
/// </summary>
public sealed class AuditChainTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<ChainCheck> CheckAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<ChainCheck>("/api/v1/audit/verify", Ct))!;

    private static Task<List<long>> IdsAsync(DonDocApp app) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<DonDocDbContext>().AuditEntries.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(Ct));

    private static Task SqlAsync(DonDocApp app, string sql) =>
        app.WithScopeAsync(async sp => await sp.GetRequiredService<DonDocDbContext>().Database.ExecuteSqlRawAsync(sql, Ct));

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task An_entry_edited_in_the_database_is_found_and_named(Provider provider)
    {
        await using var app = apps.Isolated(provider);
        var (admin, _, _) = await app.SignedInAsync(Roles.Admin);
        for (var i = 0; i < 3; i++)
            await app.UnitAsync("Sở kiểm tra nhật ký " + TestData.UniqueCode());
        var before = await CheckAsync(admin);
        Assert.True(before.Holds, before.Message);
        var ids = await IdsAsync(app);
        Assert.Equal(ids.Count, before.Checked);

        var target = ids[^2];
        await SqlAsync(app, $"UPDATE \"AuditEntries\" SET \"UserName\" = 'người khác' WHERE \"Id\" = {target}");

        var after = await CheckAsync(admin);
        Assert.False(after.Holds);
        Assert.Equal(target, after.BrokenAt);
        Assert.Contains($"dòng số {target}", after.Message);
        Assert.Contains("đã bị sửa", after.Message);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task An_entry_deleted_in_the_database_breaks_the_link_of_the_next(Provider provider)
    {
        await using var app = apps.Isolated(provider);
        var (admin, _, _) = await app.SignedInAsync(Roles.Admin);
        for (var i = 0; i < 3; i++)
            await app.UnitAsync("Sở xóa nhật ký " + TestData.UniqueCode());
        var ids = await IdsAsync(app);

        await SqlAsync(app, $"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {ids[^3]}");

        var check = await CheckAsync(admin);
        Assert.False(check.Holds);
        Assert.Equal(ids[^2], check.BrokenAt);
        Assert.Contains("không nối với dòng trước", check.Message);
    }

    [Fact]
    public async Task A_deleted_entry_is_found_even_when_the_next_one_is_relinked_to_hide_it()
    {
        await using var app = apps.Isolated(Provider.Sqlite);
        var (admin, _, _) = await app.SignedInAsync(Roles.Admin);
        for (var i = 0; i < 3; i++)
            await app.UnitAsync("Sở nối lại nhật ký " + TestData.UniqueCode());
        var ids = await IdsAsync(app);

        // The insider deletes a line and points the next one at the line before, as if nothing were missing.
        await SqlAsync(app, $"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {ids[^3]}");
        await SqlAsync(app, $"UPDATE \"AuditEntries\" SET \"PreviousHash\" = (SELECT \"Hash\" FROM \"AuditEntries\" WHERE \"Id\" = {ids[^4]}) WHERE \"Id\" = {ids[^2]}");

        var check = await CheckAsync(admin);
        Assert.False(check.Holds);
        Assert.Equal(ids[^2], check.BrokenAt);
    }

    [Fact]
    public async Task Concurrent_saves_on_PostgreSQL_still_make_one_unbroken_chain()
    {
        await using var app = apps.Isolated(Provider.Postgres);
        var (admin, _, _) = await app.SignedInAsync(Roles.Admin);

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => app.UnitAsync($"Xã đồng thời {i} " + TestData.UniqueCode(), DonDoc.Features.Units.UnitKind.Commune)));

        var check = await CheckAsync(admin);
        Assert.True(check.Holds, check.Message);
        Assert.Equal((await IdsAsync(app)).Count, check.Checked);
    }

    [Fact]
    public async Task The_app_refuses_to_change_or_delete_a_log_entry()
    {
        var app = apps.For(Provider.Sqlite);
        await app.UnitAsync("Sở sửa nhật ký " + TestData.UniqueCode());

        var error = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DonDocDbContext>();
            var entry = await db.AuditEntries.OrderByDescending(a => a.Id).FirstAsync(Ct);
            entry.Changes = "{}";
            var edit = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Ct));
            db.ChangeTracker.Clear();
            db.AuditEntries.Remove(await db.AuditEntries.OrderByDescending(a => a.Id).FirstAsync(Ct));
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Ct));
            return edit.Message;
        });
        Assert.Contains("không sửa, không xóa", error);
    }

    [Fact]
    public async Task Verify_audit_exits_zero_on_a_whole_chain_and_one_with_the_broken_entry()
    {
        await using var app = apps.Isolated(Provider.Sqlite);
        await app.UnitAsync("Sở lệnh kiểm tra " + TestData.UniqueCode());
        Assert.Equal(0, (await Verbs.RunAsync(app, "verify-audit")).Code);

        var last = (await IdsAsync(app))[^1];
        await SqlAsync(app, $"UPDATE \"AuditEntries\" SET \"Changes\" = 'da sua' WHERE \"Id\" = {last}");

        var (code, output) = await Verbs.RunAsync(app, "verify-audit");
        Assert.Equal(1, code);
        Assert.Contains($"dòng số {last}", output);
    }
}
