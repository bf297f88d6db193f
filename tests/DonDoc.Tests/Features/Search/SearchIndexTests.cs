using DonDoc.Data;
using DonDoc.Features.Plans;
using DonDoc.Features.Search;
using DonDoc.Security;
using DonDoc.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace DonDoc.Tests.Features.Search;

/// <summary>Records saved before search existed: the index is rebuilt from them, by the verb or at start-up.</summary>
public sealed class SearchIndexTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task An_empty_index_is_rebuilt_from_the_records_at_start_up(Provider provider)
    {
        await using var app = apps.Isolated(provider);
        var code = TestData.UniqueCode();
        var unit = await app.UnitAsync($"Ban Dân tộc {code}");
        var document = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DonDocDbContext>();
            var d = new LegalDocument { Kind = "Chỉ thị", Symbol = $"15/CT-{code}", SymbolKey = LegalDocument.KeyOf($"15/CT-{code}"), Summary = "Về tăng cường công tác dân vận" };
            db.LegalDocuments.Add(d);
            await db.SaveChangesAsync(Ct);
            await db.SearchEntries.ExecuteDeleteAsync(Ct);
            return d.Id;
        });
        Assert.Empty(await SearchAsync(app, $"dan {code}"));

        await SearchIndexer.BackfillAsync(app.Services, NullLogger.Instance, Ct);

        var found = await SearchAsync(app, $"dan {code}");
        Assert.Equal([unit.Id], found.Single(g => g.Kind == SearchKind.Unit).Hits.Select(h => h.Id));
        Assert.Equal([document], found.Single(g => g.Kind == SearchKind.Document).Hits.Select(h => h.Id));
    }

    private static Task<IReadOnlyList<SearchGroup>> SearchAsync(DonDocApp app, string q) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<DonDocDbContext>();
        return (await SearchQueries.SearchAsync(db, UnitScope.Everything, q, ct: Ct)).Groups;
    });
}
