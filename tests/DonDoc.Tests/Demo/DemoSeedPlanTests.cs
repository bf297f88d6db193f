using System.Text.RegularExpressions;
using DonDoc.Calendar;
using DonDoc.Data;
using DonDoc.Demo;
using DonDoc.Features.Plans;
using DonDoc.Features.Plans.Rules;
using DonDoc.Features.Units;
using DonDoc.Features.Users;
using DonDoc.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Tests.Demo;

/// <summary>The seed plan as the demo enters it: its text section by section, its tasks and their history.</summary>
[Collection(nameof(DemoProvince))]
public sealed partial class DemoSeedPlanTests(DemoProvince province)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DateOnly Today => VietnamTime.Today(province.App.Clock);

    private sealed record Seeded(Plan Plan, List<PlanNode> Nodes, List<Assignment> Assignments, List<ProgressUpdate> Updates,
        List<ExtensionRequest> Extensions, List<TaskComment> Comments)
    {
        public PlanNode Node(string path) => Nodes.Single(n => n.Path == path);
        public List<Assignment> Of(string path) => [.. Assignments.Where(a => a.NodeId == Node(path).Id)];
    }

    private Task<Seeded> SeededAsync() => province.App.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<DonDocDbContext>();
        var plan = await db.Plans.AsNoTracking().Include(p => p.Basis).ThenInclude(b => b.LegalDocument).SingleAsync(Ct);
        var assignments = await db.Assignments.AsNoTracking()
            .Include(a => a.LeadUnit).Include(a => a.TransferredFromUnit).Include(a => a.Occurrences)
            .Include(a => a.SupportingUnits).ThenInclude(s => s.Unit)
            .AsSplitQuery().ToListAsync(Ct);
        return new Seeded(plan, await db.PlanNodes.AsNoTracking().ToListAsync(Ct), assignments,
            await db.ProgressUpdates.AsNoTracking().ToListAsync(Ct), await db.ExtensionRequests.AsNoTracking().ToListAsync(Ct),
            await db.TaskComments.AsNoTracking().ToListAsync(Ct));
    });

    [Fact]
    public async Task The_plan_tree_has_the_sections_items_and_bullets_of_the_document_in_its_order()
    {
        var demo = await SeededAsync();
        string[] Under(string parent, string labels) => [parent, .. labels.Split(' ').Select(l => $"{parent}.{l}")];
        string[] expected =
        [
            .. Under("I", "1 2 3"),
            "II", "II.1", .. Under("II.2", "a b c d đ"), .. Under("II.3", "a b c d đ e"), .. Under("II.4", "a b c d"),
            .. Under("II.5", "a b c d đ"), .. Under("II.6", "a b c d đ"), "II.7", .. Under("II.8", "a b"),
            "III", "III.1", .. Under("III.2", "-1 -2 -3 -4 -5 -6"), "III.3", "III.4", "III.5", "III.6", "III.7",
        ];

        Assert.Equal(expected, InDocumentOrder(demo.Nodes, null).Select(n => n.Path));
        Assert.Equal("MỤC ĐÍCH, YÊU CẦU", demo.Node("I").Heading);
        Assert.Equal("Sở Nội vụ:", demo.Node("III.2").Heading);
        Assert.Equal("Tổ chức nghiên cứu, học tập, quán triệt Kết luận số 21-KL/TW, Kế hoạch số 03-KH/TW, Nghị quyết số 30/NQ-CP, Kế hoạch số 77-KH/TU.",
            demo.Node("II.1").Heading);
        Assert.StartsWith("Các cơ quan, đơn vị phối hợp chặt chẽ với cấp ủy", demo.Node("II.1").Text);
    }

    [Fact]
    public async Task Sentences_cut_by_the_page_breaks_of_the_seed_text_are_whole_again()
    {
        var demo = await SeededAsync();

        Assert.StartsWith("Đẩy mạnh công tác tự phê bình và phê bình đối với tập thể, cá nhân theo tinh thần Nghị quyết Trung ương 4 khóa XII, " +
            "Kết luận số 21-KL/TW, Kế hoạch số 77-KH/TU. Cán bộ, công chức", demo.Node("II.2.d").Text);
        Assert.Equal(
        [
            "Tiếp tục thực hiện đổi mới, nâng cao năng lực, sức cạnh tranh của nền kinh tế và thực hiện có hiệu quả tiến trình hội nhập quốc tế nhằm thực hiện các mục tiêu, chỉ tiêu Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIX. Cụ thể hóa và tổ chức thực hiện có hiệu quả các nghị quyết về chủ trương, chính sách, tiếp tục đổi mới mô hình tăng trưởng, nâng cao chất lượng tăng trưởng, năng suất lao động, sức cạnh tranh của nền kinh tế và thực hiện có hiệu quả tiến trình hội nhập quốc tế.",
            "Thực hiện có hiệu quả các biện pháp phòng, chống rửa tiền, những nhiệm vụ, giải pháp đề ra tại Quyết định số 1813/QĐ-TTg ngày 28/10/2021 của Thủ tướng Chính phủ phê duyệt Đề án phát triển thanh toán không dùng tiền mặt tại Việt Nam giai đoạn 2021-2025 trên địa bàn tỉnh.",
        ], demo.Node("II.4.c").Text.Split('\n'));
        Assert.Equal("Triển khai thực hiện có hiệu quả Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030; Chỉ thị số 23/CT-TTg ngày 02/9/2021 của Thủ tướng Chính phủ về đẩy mạnh thực hiện Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030; Nghị quyết số 05-NQ/TU ngày 14/12/2021 của Ban Chấp hành Đảng bộ tỉnh về đẩy mạnh cải cách hành chính trên địa bàn tỉnh Nghệ An giai đoạn 2021-2030; Quyết định số 5158/QĐ-UBND ngày 30/12/2021 của UBND tỉnh ban hành Chương trình cải cách hành chính tỉnh Nghệ An giai đoạn 2021-2030 với các mục tiêu trọng tâm trong giai đoạn này là: cải cách thủ tục hành chính, nâng cao chất lượng dịch vụ công; xây dựng đội ngũ cán bộ, công chức, viên chức chuyên nghiệp, có năng lực, phẩm chất đạo đức tốt, vì nhân dân phục vụ; xây dựng và phát triển chính quyền điện tử, chính quyền số.",
            demo.Node("II.5.d").Text);
        Assert.EndsWith("có chế tài xử lý các tập thể, cá nhân có hành vi trì trệ khi thực hiện nhiệm vụ được giao, chất lượng giải quyết công việc kém hiệu quả hoặc có hành vi nhũng nhiễu tổ chức, cá nhân để trục lợi.",
            demo.Node("II.6.b").Text);
        Assert.Equal("Các Sở: Kế hoạch và Đầu tư, Xây dựng, Tài nguyên và Môi trường, Tài chính và các sở, ngành có liên quan nghiên cứu, đề xuất sửa đổi, bổ sung các chính sách liên quan đến các lĩnh vực quy hoạch, đầu tư công, xây dựng, đất đai, tài nguyên, tài chính, ngân sách, tài sản công, cổ phần hóa doanh nghiệp nhà nước,... để phòng ngừa tham nhũng, tiêu cực và tạo sự thống nhất, khả thi, hiệu quả trong tổ chức thực hiện.",
            demo.Node("III.3").Text);
        Assert.Contains("các quy định về trách nhiệm nêu gương của cán bộ, đảng viên, nhất là Quy định số 2993-QĐ/TU", demo.Node("I.2").Text);
        Assert.Contains("không để tình trạng đơn thư khiếu nại đồng người, kéo dài, vượt cấp;", demo.Node("II.8.b").Text);
        // Every paragraph ends as a sentence ends: no paragraph is left cut.
        var paragraphs = demo.Nodes.Where(n => n.Label.Length > 0 && !"IVX".Contains(n.Label[0]))
            .SelectMany(n => (n.Heading + "\n" + n.Text).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.All(paragraphs, p => Assert.True(".:;".Contains(p[^1]), p));
    }

    [Fact]
    public async Task The_plan_is_the_UBND_tinh_s_issued_plan_implementing_NQ_30_signed_by_its_vice_chairman()
    {
        var demo = await SeededAsync();
        var units = await province.UnitsAsync();

        Assert.Null(demo.Plan.Symbol);
        Assert.Equal(new DateOnly(2022, 4, 12), demo.Plan.IssuedOn);
        Assert.Equal(PlanStatus.Issued, demo.Plan.Status);
        Assert.Equal("Ủy ban nhân dân tỉnh Nghệ An", units.Single(u => u.Id == demo.Plan.IssuingUnitId).Name);
        Assert.StartsWith("Thực hiện Nghị quyết số 30/NQ-CP ngày 11/3/2022 của Chính phủ ban hành Chương trình hành động", demo.Plan.Title);
        Assert.EndsWith("biểu hiện “tự diễn biến”, “tự chuyển hoá”", demo.Plan.Title);
        Assert.Equal("Lê Hồng Vinh", demo.Plan.Signer);
        Assert.Equal(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], demo.Plan.SignatureLines);
        Assert.Equal(8, demo.Plan.Recipients.Count);
        Assert.Equal("Văn phòng Chính phủ;", demo.Plan.Recipients[0]);
        Assert.Equal("Lưu: VT, TH (Hùng).", demo.Plan.Recipients[^1]);
        var basis = Assert.Single(demo.Plan.Basis).LegalDocument!;
        Assert.Equal(("Nghị quyết", "30/NQ-CP", new DateOnly(2022, 3, 11), "Chính phủ"), (basis.Kind, basis.Symbol, basis.IssuedOn, basis.Issuer));
    }

    [GeneratedRegex(@"(?:Nghị quyết|Kết luận|Kế hoạch|Chỉ thị|Quy định|Nghị định|Quyết định) số (?<symbol>\d[\w/-]*\w)")]
    private static partial Regex Citation();

    [Fact]
    public async Task Every_document_the_plan_cites_by_number_is_one_record()
    {
        var demo = await SeededAsync();
        var documents = await province.App.WithScopeAsync(sp => sp.GetRequiredService<DonDocDbContext>().LegalDocuments.AsNoTracking().ToListAsync(Ct));
        var cited = demo.Nodes.SelectMany(n => Citation().Matches(n.Heading + " " + n.Text)).Select(m => LegalDocument.KeyOf(m.Groups["symbol"].Value)).ToHashSet();

        Assert.Contains("04/NQ-CP", cited);   // cited in II.4.b and again in III.2
        Assert.Equal(cited.Order(), documents.Select(d => d.SymbolKey).Order());
        Assert.All(documents, d => Assert.NotNull(d.IssuedOn));
    }

    [Fact]
    public async Task The_yearly_report_has_one_occurrence_a_year_from_2022_for_each_agency_and_district_due_on_5_December()
    {
        var demo = await SeededAsync();
        var units = await province.UnitsAsync();
        var report = demo.Node("III.1");
        var assignments = demo.Of("III.1");
        var given = assignments.Select(a => (a.TransferredFromUnit ?? a.LeadUnit)!.Name).Order();
        var expected = units.Where(u => u.Kind is UnitKind.Department or UnitKind.District && u.IsActiveOn(DemoSeedPlan.IssuedOn)).Select(u => u.Name).Order();

        Assert.Equal(("Định kỳ trước ngày 05/12 hàng năm", ScheduleKind.Yearly, 5, 12, (int?)2022),
            (report.SchedulePhrase, report.ScheduleKind!.Value, report.ScheduleDay, report.ScheduleMonth, report.FirstYear));
        Assert.Equal(42, assignments.Count);
        Assert.Equal(expected, given);
        Assert.All(assignments, a => Assert.Equal(DemoSeedPlan.ReportingGroup, a.AssignedAsGroup));
        var approved = demo.Extensions.Where(e => e.Decision == ExtensionDecision.Approved).ToDictionary(e => e.OccurrenceId);
        Assert.All(assignments, a =>
        {
            Assert.Equal(["2022", "2023", "2024", "2025", "2026"], a.Occurrences.Select(o => o.Period).Order());
            Assert.All(a.Occurrences, o =>
            {
                var fifthOfDecember = new DateOnly(int.Parse(o.Period), 12, 5);
                Assert.Equal(fifthOfDecember, o.OriginalDueDate);
                Assert.Equal(approved.TryGetValue(o.Id, out var e) ? e.ApprovedDueDate : fifthOfDecember, o.DueDate);
            });
        });
        Assert.True(approved.Values.Count(e => assignments.Any(a => a.Occurrences.Any(o => o.Id == e.OccurrenceId))) >= 2);
    }

    [Fact]
    public async Task Section_III_names_the_lead_units_and_the_2025_reforms_passed_open_work_to_the_successors()
    {
        var demo = await SeededAsync();
        string[] Given(string path) => [.. demo.Of(path).Select(a => (a.TransferredFromUnit ?? a.LeadUnit)!.Name).Order()];
        string[] Leading(string path) => [.. demo.Of(path).Select(a => a.LeadUnit!.Name).Order()];

        foreach (var bullet in Enumerable.Range(1, 6))
            Assert.Equal(["Sở Nội vụ"], Given($"III.2.-{bullet}"));
        Assert.Equal(["Sở Kế hoạch và Đầu tư", "Sở Tài chính", "Sở Tài nguyên và Môi trường", "Sở Xây dựng"], Given("III.3"));
        Assert.Equal(["Sở Tư pháp"], Given("III.4"));
        Assert.Equal(["Sở Thông tin và Truyền thông"], Given("III.5"));
        Assert.Equal(["Thanh tra tỉnh"], Given("III.6"));
        Assert.Equal(["Công an tỉnh"], Given("III.7"));
        Assert.Equal(["Sở Nông nghiệp và Môi trường", "Sở Tài chính", "Sở Tài chính", "Sở Xây dựng"], Leading("III.3"));
        Assert.Equal(["Sở Khoa học và Công nghệ"], Leading("III.5"));
        Assert.Equal(["Sở Khoa học và Công nghệ", "Thanh tra tỉnh"], Assert.Single(demo.Of("III.7")).SupportingUnits.Select(s => s.Unit!.Name).Order());
        Assert.DoesNotContain(demo.Of("III.1"), a => a.LeadUnit!.ValidTo is not null);
        // Finished work stays with the unit that did it: each agency's own plan of 2022 (II.1) was done before the mergers.
        var planning = Assert.Single(demo.Of("II.1"), a => a.LeadUnit!.Name == "Sở Kế hoạch và Đầu tư");
        Assert.Null(planning.TransferredFromUnitId);
        Assert.Equal(OccurrenceState.Completed, Assert.Single(planning.Occurrences).State);
    }

    [Fact]
    public async Task The_history_shows_every_status_with_some_extended_one_refused_and_this_year_in_progress()
    {
        var demo = await SeededAsync();
        var occurrences = demo.Assignments.SelectMany(a => a.Occurrences).ToList();
        var statuses = occurrences.Select(o => o.StatusOn(new StatusDay(Today)).Code).ToList();
        var thisYear = demo.Of("III.1").Select(a => a.Occurrences.Single(o => o.Period == $"{Today.Year}")).ToList();

        Assert.Equal(Enum.GetValues<AssignmentStatusCode>().Order(), statuses.Distinct().Order());
        Assert.InRange(statuses.Count(s => s == AssignmentStatusCode.InProgressOverdue), 3, occurrences.Count / 10);
        Assert.True(statuses.Count(s => s == AssignmentStatusCode.CompletedOnTime) > statuses.Count(s => s == AssignmentStatusCode.CompletedLate));
        Assert.Single(demo.Extensions, e => e.Decision == ExtensionDecision.Rejected);
        Assert.Contains(demo.Extensions, e => e.Decision == ExtensionDecision.Pending);
        Assert.Contains(thisYear, o => o.State == OccurrenceState.Completed);
        Assert.Contains(thisYear, o => o.State == OccurrenceState.AwaitingReview);
        Assert.True(thisYear.Count(o => o.State == OccurrenceState.Open) > thisYear.Count / 3);
    }

    [Fact]
    public async Task The_history_is_one_the_rules_allow()
    {
        var demo = await SeededAsync();
        var now = province.App.Clock.GetUtcNow().UtcDateTime;
        var updates = demo.Updates.ToLookup(u => u.OccurrenceId);

        foreach (var a in demo.Assignments)
        {
            foreach (var o in a.Occurrences)
            {
                var accepted = updates[o.Id].Where(u => u.Review == UpdateReview.Accepted).ToList();
                var pending = updates[o.Id].Count(u => u.Review == UpdateReview.Pending);
                switch (o.State)
                {
                    case OccurrenceState.Completed:
                        var update = Assert.Single(accepted);
                        Assert.Equal(o.CompletedOn, update.ClaimedCompletedOn);
                        Assert.True(o.CompletedOn <= Today);
                        // The evidence is a document number, or the unit's periodic report accepted in DonDoc.
                        Assert.True(update.EvidenceNumber is { } number && Regex.IsMatch(number, @"^\d+/(BC|KH|TTr)-\w+$")
                            || update.Text.StartsWith("Báo cáo kỳ ", StringComparison.Ordinal), $"{update.EvidenceNumber}: {update.Text}");
                        Assert.Equal("Trần Thị Hương", update.ReviewedByName);
                        break;
                    case OccurrenceState.AwaitingReview:
                        Assert.Equal((0, 1), (accepted.Count, pending));
                        break;
                    default:
                        Assert.Equal((0, 0), (accepted.Count, pending));
                        break;
                }
                Assert.All(updates[o.Id], u => Assert.Contains((int?)u.UnitId, new int?[] { a.LeadUnitId, a.TransferredFromUnitId }));
            }
        }
        Assert.All(demo.Updates, u => Assert.True(u.PostedAt <= now && (u.ReviewedAt ?? u.PostedAt) >= u.PostedAt));
        Assert.All(demo.Extensions.Where(e => e.Decision == ExtensionDecision.Approved), e =>
        {
            var o = demo.Assignments.SelectMany(a => a.Occurrences).Single(x => x.Id == e.OccurrenceId);
            Assert.Equal((o.OriginalDueDate, o.DueDate), (e.PreviousDueDate, e.ApprovedDueDate));
        });
    }

    [Fact]
    public async Task The_leader_directs_on_the_yearly_report_and_the_coordinator_answers()
    {
        var demo = await SeededAsync();
        var thread = demo.Comments.Where(c => c.NodeId == demo.Node("III.1").Id).OrderBy(c => c.PostedAt).ToList();

        Assert.Equal([("Lê Hồng Vinh", true), ("Trần Thị Hương", false)], thread.Select(c => (c.AuthorName, c.IsDirection)));
        Assert.Contains($"trước ngày 05/12/{Today.Year}", thread[0].Text);
        Assert.Matches(@"Đến nay đã nhận \d+/42 báo cáo năm", thread[1].Text);
    }

    [Fact]
    public async Task The_officer_of_So_Tu_phap_sees_only_So_Tu_phap_s_occurrences()
    {
        var (seen, total) = await province.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DonDocDbContext>();
            var officer = await sp.GetRequiredService<UserManager<User>>().FindByNameAsync("chuyenvien.stp");
            var scope = await UnitScope.ForAsync(await sp.GetRequiredService<IUserClaimsPrincipalFactory<User>>().CreateAsync(officer!), db, Ct);
            var page = await TaskList.QueryAsync(db, scope, new TaskFilter(PageSize: 200), new StatusDay(Today), Ct);
            return (page, await db.Occurrences.CountAsync(o => o.Assignment!.LeadUnit!.Name == "Sở Tư pháp", Ct));
        });

        Assert.Equal(11, total);   // its own plan (II.1), five yearly reports (III.1) and five years of its standing duty (III.4)
        Assert.Equal(total, seen.Total);
        Assert.All(seen.Items, r => Assert.Equal("Sở Tư pháp", r.LeadUnitName));
    }

    private static IEnumerable<PlanNode> InDocumentOrder(List<PlanNode> nodes, int? parentId) =>
        nodes.Where(n => n.ParentId == parentId).OrderBy(n => n.SortOrder)
            .SelectMany(n => InDocumentOrder(nodes, n.Id).Prepend(n));
}
