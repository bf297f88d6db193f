using DonDoc.Data;
using DonDoc.Features.Plans;
using DonDoc.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Tests.Features.Plans;

public sealed class LegalDocumentsTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A symbol no other test uses, shaped like a real one.</summary>
    private static string Symbol(string suffix = "NQ-CP") => $"{Random.Shared.Next(1, 999)}/{TestData.UniqueCode()}/{suffix}";

    private static Task<SaveResult<LegalDocument>> CiteAsync(DonDocApp app, string kind, string symbol, DateOnly? issuedOn, string? issuer) =>
        app.WithScopeAsync(sp => new LegalDocuments(sp.GetRequiredService<DonDocDbContext>()).FindOrCreateAsync(kind, symbol, issuedOn, issuer, Ct));

    private static Task<List<LegalDocument>> RecordsAsync(DonDocApp app, string symbol) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<DonDocDbContext>().LegalDocuments.AsNoTracking()
            .Where(d => d.SymbolKey == LegalDocument.KeyOf(symbol)).ToListAsync(Ct));

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task The_same_document_cited_twice_is_one_record_whatever_the_spacing_and_case(Provider provider)
    {
        var app = apps.For(provider);
        var symbol = Symbol();

        var first = await CiteAsync(app, "Nghị quyết", symbol, new DateOnly(2022, 3, 11), "Chính phủ");
        var again = await CiteAsync(app, "Nghị quyết", $"  {symbol.Replace("/", " / ").ToLowerInvariant()} ", new DateOnly(2022, 3, 11), null);

        Assert.True(first.Ok && again.Ok, first.Message + again.Message);
        Assert.Equal(first.Value!.Id, again.Value!.Id);
        var record = Assert.Single(await RecordsAsync(app, symbol));
        Assert.Equal(symbol, record.Symbol);
        Assert.Equal("Chính phủ", record.Issuer);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_later_citation_fills_a_missing_date_and_issuer_but_does_not_overwrite_them(Provider provider)
    {
        var app = apps.For(provider);
        var symbol = Symbol("KL/TW");

        var undated = await CiteAsync(app, "Kết luận", symbol, null, null);
        var dated = await CiteAsync(app, "Kết luận", symbol, new DateOnly(2021, 10, 25), "Ban Chấp hành Trung ương Đảng");
        var otherIssuer = await CiteAsync(app, "Kết luận", symbol, null, "Bộ Chính trị");

        Assert.Equal(undated.Value!.Id, dated.Value!.Id);
        Assert.Equal(undated.Value.Id, otherIssuer.Value!.Id);
        var record = Assert.Single(await RecordsAsync(app, symbol));
        Assert.Equal(new DateOnly(2021, 10, 25), record.IssuedOn);
        Assert.Equal("Ban Chấp hành Trung ương Đảng", record.Issuer);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task The_same_symbol_on_two_dates_is_two_documents_and_an_undated_citation_takes_the_latest(Provider provider)
    {
        var app = apps.For(provider);
        var symbol = Symbol();

        var older = await CiteAsync(app, "Nghị quyết", symbol, new DateOnly(2021, 1, 4), "Chính phủ");
        var newer = await CiteAsync(app, "Nghị quyết", symbol, new DateOnly(2022, 1, 8), "Chính phủ");
        var undated = await CiteAsync(app, "Nghị quyết", symbol, null, null);
        var olderAgain = await CiteAsync(app, "Nghị quyết", symbol, new DateOnly(2021, 1, 4), null);

        Assert.NotEqual(older.Value!.Id, newer.Value!.Id);
        Assert.Equal(newer.Value.Id, undated.Value!.Id);
        Assert.Equal(older.Value.Id, olderAgain.Value!.Id);
        Assert.Equal(2, (await RecordsAsync(app, symbol)).Count);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_citation_without_kind_or_symbol_is_refused_in_Vietnamese_and_saves_nothing(Provider provider)
    {
        var app = apps.For(provider);
        var symbol = Symbol();

        var noKind = await CiteAsync(app, " ", symbol, null, null);
        var noSymbol = await CiteAsync(app, "Quyết định", "  ", null, null);

        Assert.Equal(["Cần ghi loại văn bản (Nghị quyết, Kết luận, Kế hoạch, Quyết định, …)."], noKind.Errors["kind"]);
        Assert.Equal(["Cần ghi số, ký hiệu của văn bản (ví dụ 30/NQ-CP)."], noSymbol.Errors["symbol"]);
        Assert.Empty(await RecordsAsync(app, symbol));
    }
}
