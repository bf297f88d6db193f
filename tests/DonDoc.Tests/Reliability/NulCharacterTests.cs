using DonDoc.Data;
using DonDoc.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Tests.Reliability;

/// <summary>A NUL in any saved text is dropped, so PostgreSQL (which refuses it) and SQLite keep the same text.</summary>
public sealed class NulCharacterTests(Apps apps)
{
    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_nul_in_saved_text_is_dropped_instead_of_failing_the_save(Provider provider)
    {
        var app = apps.For(provider);
        var unit = await app.UnitAsync("Sở Ký Tự Rỗng");

        var stored = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DonDocDbContext>();
            var tracked = await db.Units.SingleAsync(u => u.Id == unit.Id, TestContext.Current.CancellationToken);
            tracked.ShortName = "Sở\0 Ký Tự\0";
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            return await db.Units.AsNoTracking().Where(u => u.Id == unit.Id).Select(u => u.ShortName).SingleAsync(TestContext.Current.CancellationToken);
        });

        Assert.Equal("Sở Ký Tự", stored);
    }
}
