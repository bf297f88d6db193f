using System.Net;
using System.Net.Http.Json;
using DonDoc.Features.Plans;
using DonDoc.Features.Users;
using DonDoc.Tests.Features.Audit;
using DonDoc.Tests.Infrastructure;

namespace DonDoc.Tests.Features.Plans;

public sealed class DocumentApiTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_document_cited_twice_is_one_record_and_a_bad_one_is_refused_in_Vietnamese(Provider provider)
    {
        var app = apps.For(provider);
        var (coordinator, _, _) = await app.SignedInAsync(Roles.Coordinator);
        var (staff, _, _) = await app.SignedInAsync(Roles.Staff);
        var symbol = $"{Random.Shared.Next(100, 999)}/NQ-CP-{TestData.UniqueCode()}";

        var first = await coordinator.PostAsJsonAsync("/api/v1/documents", new { kind = "Nghị quyết", symbol, issuedOn = "2022-03-11", issuer = "Chính phủ" }, Ct);
        var again = await coordinator.PostAsJsonAsync("/api/v1/documents", new { kind = "Nghị quyết", symbol = symbol.ToLowerInvariant(), issuedOn = (string?)null }, Ct);
        var bad = await coordinator.PostAsJsonAsync("/api/v1/documents", new { kind = "", symbol = "" }, Ct);

        var a = await first.Content.ReadFromJsonAsync<BasisDto>(Ct);
        var b = await again.Content.ReadFromJsonAsync<BasisDto>(Ct);
        Assert.Equal(a!.Id, b!.Id);
        Assert.Equal(new DateOnly(2022, 3, 11), b.IssuedOn);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Cần ghi số, ký hiệu của văn bản", await bad.Content.ReadAsStringAsync(Ct));
        var list = await staff.GetFromJsonAsync<List<BasisDto>>($"/api/v1/documents?q={Uri.EscapeDataString(symbol)}", Ct);
        Assert.Equal(a.Id, Assert.Single(list!).Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync("/api/v1/documents", new { kind = "Luật", symbol = "1/2025/QH15" }, Ct)).StatusCode);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Two_people_correct_the_same_document_and_the_second_save_is_refused_with_what_the_first_changed(Provider provider)
    {
        var app = apps.For(provider);
        var (first, _, _) = await app.SignedInAsync(Roles.Coordinator, fullName: ConcurrentEdits.FirstEditor);
        var (second, _, _) = await app.SignedInAsync(Roles.Coordinator);
        var symbol = $"{Random.Shared.Next(100, 999)}/QĐ-UBND-{TestData.UniqueCode()}";
        var added = await (await first.PostAsJsonAsync("/api/v1/documents", new { kind = "Quyết định", symbol }, Ct))
            .Content.ReadFromJsonAsync<DocumentEndpoints.DocumentDto>(Ct);
        var opened = (await second.GetFromJsonAsync<DocumentEndpoints.DocumentDto>($"/api/v1/documents/{added!.Id}", Ct))!.Version;

        await ConcurrentEdits.SavedAsync(first.PutAsJsonAsync($"/api/v1/documents/{added.Id}",
            new { kind = "Quyết định", symbol, issuedOn = "2025-06-30", issuer = "UBND tỉnh", version = opened }, Ct));
        var message = await ConcurrentEdits.RefusedAsync(second.PutAsJsonAsync($"/api/v1/documents/{added.Id}",
            new { kind = "Quyết định", symbol, summary = "Ban hành quy chế", version = opened }, Ct), "Văn bản");

        Assert.Contains("\n• Ngày ban hành: (trống) → 30/06/2025\n", message);
        Assert.Contains("\n• Cơ quan ban hành: (trống) → «UBND tỉnh»\n", message);
        var stored = await second.GetFromJsonAsync<DocumentEndpoints.DocumentDto>($"/api/v1/documents/{added.Id}", Ct);
        Assert.Equal(("UBND tỉnh", null), (stored!.Issuer, stored.Summary));
    }
}
