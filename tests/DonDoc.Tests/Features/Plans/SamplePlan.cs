using System.Net;
using System.Net.Http.Json;
using DonDoc.Data;
using DonDoc.Features.Plans;
using DonDoc.Features.Units;
using DonDoc.Features.Users;
using DonDoc.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Tests.Features.Plans;

/// <summary>
/// A plan as the province writes one, built through the API: sections I and II, items 1, 2, lettered items a, b, đ
/// and a bullet, with tasks of each schedule kind given to two units. The apps' clock stands at 27/11/2026.
/// </summary>
public sealed record SamplePlan(int Id, string Symbol, string Title, Dictionary<string, int> Nodes, HttpClient Coordinator,
    Unit Province, Unit UnitA, Unit UnitB)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The tree's labels as the detail page prints them, in document order.</summary>
    public static readonly string[] Labels = ["I.", "1.", "II.", "1.", "a)", "b)", "đ)", "2.", "-"];

    public static async Task<SamplePlan> CreateAsync(DonDocApp app)
    {
        var (coordinator, _, province) = await app.SignedInAsync(Roles.Coordinator);
        var code = TestData.UniqueCode();
        var unitA = await app.UnitAsync($"Sở Thử nghiệm A {code}");
        var unitB = await app.UnitAsync($"Sở Thử nghiệm B {code}");
        var docId = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DonDocDbContext>();
            var symbol = $"30/NQ-CP-{code}";
            var doc = new LegalDocument { Kind = "Nghị quyết", Symbol = symbol, SymbolKey = LegalDocument.KeyOf(symbol), IssuedOn = new DateOnly(2022, 3, 11), Issuer = "Chính phủ" };
            db.LegalDocuments.Add(doc);
            await db.SaveChangesAsync(Ct);
            return doc.Id;
        });
        var symbol = $"{code}/KH-UBND";
        var title = $"Kế hoạch thực hiện Chương trình cải cách hành chính {code}";
        var created = await coordinator.PostAsJsonAsync("/api/v1/plans", new
        {
            symbol, issuedOn = "2024-03-15", issuingUnitId = province.Id, title, signer = "Nguyễn Văn Ký",
            signatureLines = new[] { "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH" },
            recipients = new[] { "Văn phòng Chính phủ;", "Lưu: VT." }, status = "Issued", basisDocumentIds = new[] { docId },
        }, Ct);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        var planId = (await created.Content.ReadFromJsonAsync<PlanDetail>(Ct))!.Plan.Id;
        var nodes = new Dictionary<string, int>();

        async Task AddAsync(string key, string? parent, object body)
        {
            var json = System.Text.Json.JsonSerializer.SerializeToNode(body)!.AsObject();
            json["parentId"] = parent is null ? null : nodes[parent];
            var response = await coordinator.PostAsJsonAsync($"/api/v1/plans/{planId}/nodes", json, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
            nodes[key] = (await response.Content.ReadFromJsonAsync<NodeDto>(Ct))!.Id;
        }

        await AddAsync("I", null, new { label = "I", heading = "MỤC ĐÍCH, YÊU CẦU", text = "", isTask = false });
        await AddAsync("I.1", "I", new { label = "1", text = "Triển khai đồng bộ các nhiệm vụ cải cách hành chính.", isTask = false });
        await AddAsync("II", null, new { label = "II", heading = "NHIỆM VỤ, GIẢI PHÁP", text = "", isTask = false });
        await AddAsync("II.1", "II", new { label = "1", heading = "Cải cách thể chế", text = "", isTask = false });
        await AddAsync("II.1.a", "II.1", new
        {
            label = "a", text = "Rà soát văn bản quy phạm pháp luật của tỉnh.", isTask = true, expectedOutput = "Báo cáo rà soát",
            schedule = new { kind = "Fixed", dueDate = "2026-06-30" }, leadUnitIds = new[] { unitA.Id }, supportingUnitIds = new[] { province.Id },
        });
        await AddAsync("II.1.b", "II.1", new
        {
            label = "b", text = "Báo cáo công tác kiểm tra văn bản.", isTask = true, expectedOutput = "Báo cáo",
            schedule = new { kind = "Yearly", day = 5, month = 12, firstYear = 2025 }, schedulePhrase = "Định kỳ trước ngày 05/12 hàng năm",
            leadUnitIds = new[] { unitA.Id, unitB.Id },
        });
        await AddAsync("II.1.đ", "II.1", new
        {
            label = "đ", text = "Tuyên truyền về cải cách hành chính.", isTask = true,
            schedule = new { kind = "Continuous", firstYear = 2025 }, leadUnitIds = new[] { unitB.Id },
        });
        await AddAsync("II.2", "II", new { label = "2", heading = "Cải cách thủ tục hành chính", text = "", isTask = false });
        await AddAsync("II.2.-", "II.2", new
        {
            label = "-", text = "Công bố danh mục thủ tục hành chính.", isTask = true,
            schedule = new { kind = "Fixed", dueDate = "2026-11-30" }, leadUnitIds = new[] { unitB.Id },
        });
        return new SamplePlan(planId, symbol, title, nodes, coordinator, province, unitA, unitB);
    }
}
