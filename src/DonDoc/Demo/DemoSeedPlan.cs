using System.Security.Claims;
using DonDoc.Data;
using DonDoc.Features.Plans;
using DonDoc.Features.Plans.Rules;
using DonDoc.Features.Units;

namespace DonDoc.Demo;

/// <summary>
/// The seed plan entered as the UBND tỉnh's own plan: its text section by section as written, the documents it
/// cites, and its tasks given to the units its section III names.
/// </summary>
/// <remarks>
/// The seed text has neither number nor date: the plan stays without a symbol (as a plan whose number is not
/// known yet), and its date is an assumption, a month after NQ 30/NQ-CP.
/// </remarks>
public sealed class DemoSeedPlan(DonDocDbContext db, TimeProvider clock)
{
    public static readonly DateOnly IssuedOn = new(2022, 4, 12);

    public const string ReportingGroup = "Các sở, ban, ngành cấp tỉnh; UBND các huyện, thành phố, thị xã";

    private sealed record TaskSpec(Schedule Schedule, string Output, string? Phrase, IReadOnlyList<Unit> Leads,
        IReadOnlyList<Unit>? Supporting = null, string? Group = null);

    private sealed record Cited(string Kind, string Symbol, DateOnly IssuedOn, string Issuer);

    /// <summary>Every document the plan cites by number besides its basis, with the date and issuer the text gives.</summary>
    private static readonly Cited[] CitedDocuments =
    [
        new("Kết luận", "21-KL/TW", new(2021, 10, 25), "Ban Chấp hành Trung ương Đảng"),
        new("Kế hoạch", "03-KH/TW", new(2021, 12, 1), "Bộ Chính trị"),
        new("Kế hoạch", "77-KH/TU", new(2022, 1, 24), "Ban Thường vụ Tỉnh ủy"),
        new("Kết luận", "01-KL/TW", new(2021, 5, 18), "Bộ Chính trị"),
        new("Chỉ thị", "05-CT/TW", new(2016, 5, 15), "Bộ Chính trị"),
        new("Quy định", "37-QĐ/TW", new(2021, 10, 25), "Ban Chấp hành Trung ương"),
        new("Quy định", "2993-QĐ/TU", new(2019, 7, 8), "Ban Thường vụ Tỉnh ủy"),
        new("Nghị quyết", "132/NQ-CP", new(2018, 10, 24), "Chính phủ"),
        new("Nghị quyết", "26-NQ/TW", new(2018, 5, 19), "Ban Chấp hành Trung ương Đảng"),
        new("Kế hoạch", "10-KH/TW", new(2018, 6, 6), "Bộ Chính trị"),
        new("Kết luận", "14-KL/TW", new(2021, 9, 22), "Bộ Chính trị"),
        new("Nghị định", "107/2020/NĐ-CP", new(2020, 9, 14), "Chính phủ"),
        new("Nghị định", "108/2020/NĐ-CP", new(2020, 9, 14), "Chính phủ"),
        new("Nghị quyết", "18-NQ/TW", new(2017, 10, 25), "Ban Chấp hành Trung ương Đảng"),
        new("Nghị quyết", "19-NQ/TW", new(2017, 10, 25), "Ban Chấp hành Trung ương Đảng"),
        new("Nghị định", "120/2020/NĐ-CP", new(2020, 10, 7), "Chính phủ"),
        new("Nghị quyết", "04/NQ-CP", new(2022, 1, 10), "Chính phủ"),
        new("Quyết định", "1813/QĐ-TTg", new(2021, 10, 28), "Thủ tướng Chính phủ"),
        new("Nghị định", "60/2021/NĐ-CP", new(2021, 6, 21), "Chính phủ"),
        new("Nghị quyết", "39-NQ/TW", new(2015, 4, 17), "Bộ Chính trị"),
        new("Chỉ thị", "23/CT-TTg", new(2021, 9, 2), "Thủ tướng Chính phủ"),
        new("Nghị quyết", "05-NQ/TU", new(2021, 12, 14), "Ban Chấp hành Đảng bộ tỉnh"),
        new("Quyết định", "5158/QĐ-UBND", new(2021, 12, 30), "Ủy ban nhân dân tỉnh"),
        new("Nghị quyết", "01/2021/UBTVQH15", new(2021, 9, 1), "Ủy ban Thường vụ Quốc hội"),
        new("Chỉ thị", "26/CT-TTg", new(2016, 9, 5), "Thủ tướng Chính phủ"),
        new("Quyết định", "1847/QĐ-TTg", new(2018, 12, 27), "Thủ tướng Chính phủ"),
        new("Nghị định", "59/2019/NĐ-CP", new(2019, 7, 1), "Chính phủ"),
    ];

    /// <param name="coordinator">Enters the plan, as the coordinator would.</param>
    public async Task<Plan> AddAsync(IReadOnlyCollection<Unit> units, ClaimsPrincipal coordinator, CancellationToken ct)
    {
        var text = SeedPlanText.Load();
        var documents = new LegalDocuments(db);
        var basis = Demand(await documents.FindOrCreateAsync("Nghị quyết", "30/NQ-CP", new DateOnly(2022, 3, 11), "Chính phủ", ct));
        foreach (var d in CitedDocuments)
            Demand(await documents.FindOrCreateAsync(d.Kind, d.Symbol, d.IssuedOn, d.Issuer, ct));

        var plan = Demand(await new SavePlan(db, clock).CreateAsync(coordinator, new PlanInput(
            Symbol: null, IssuedOn, units.Single(u => u.Code == DemoUnits.UbndTinh).Id, text.Title, text.Signer,
            text.SignatureLines, text.Recipients, PlanStatus.Issued, BasisDocumentIds: [basis.Id]), ct));
        var tasks = Tasks(units).ToDictionary(t => t.Path, t => t.Spec);
        var added = await AddNodesAsync(new SaveTask(db, clock), coordinator, plan.Id, null, "", text.Sections, tasks, ct);
        // A task whose path is not in the text would silently stay untracked.
        if (tasks.Keys.Except(added).FirstOrDefault() is { } missing)
            throw new InvalidOperationException($"Demo plan: no item {missing} in the seed text.");
        return plan;
    }

    /// <returns>The paths of the nodes added.</returns>
    private async Task<List<string>> AddNodesAsync(SaveTask saveTask, ClaimsPrincipal coordinator, int planId, int? parentId, string parentPath,
        IReadOnlyList<SeedNode> seeds, Dictionary<string, TaskSpec> tasks, CancellationToken ct)
    {
        var paths = new List<string>();
        var bullets = 0;
        foreach (var seed in seeds)
        {
            // The path SaveTask gives, worked out beforehand to look the task up: bullets are numbered in order.
            var label = seed.Label == "-" ? $"-{++bullets}" : seed.Label;
            var path = parentPath.Length == 0 ? label : $"{parentPath}.{label}";
            var input = tasks.TryGetValue(path, out var spec)
                ? new NodeInput(parentId, seed.Label, seed.Heading, seed.Text, IsTask: true, spec.Output, spec.Schedule, spec.Phrase,
                    [.. spec.Leads.Select(u => u.Id)], [.. (spec.Supporting ?? []).Select(u => u.Id)], spec.Group)
                : new NodeInput(parentId, seed.Label, seed.Heading, seed.Text, IsTask: false);
            var node = Demand(await saveTask.AddAsync(coordinator, planId, input, ct));
            if (node.Path != path)
                throw new InvalidOperationException($"Demo plan: item {path} was saved as {node.Path}.");
            // Each save compares every tracked record: forgetting the saved ones keeps a long load from slowing down.
            db.ChangeTracker.Clear();
            paths.Add(path);
            paths.AddRange(await AddNodesAsync(saveTask, coordinator, planId, node.Id, path, seed.Children, tasks, ct));
        }
        return paths;
    }

    /// <summary>
    /// Section III gives the tasks: every agency and district reports yearly (III.1); the sở it names each lead their
    /// part. Of section II, the duties of "các cơ quan, đơn vị", only the first (each agency's own plan to implement
    /// this one) and the monthly rating of II.6.b are tracked as tasks; the rest stay text.
    /// </summary>
    private static IEnumerable<(string Path, TaskSpec Spec)> Tasks(IReadOnlyCollection<Unit> units)
    {
        Unit Named(string name) => units.Single(u => u.Name == name);
        var agencies = units.Where(u => u.Kind == UnitKind.Department && u.IsActiveOn(IssuedOn)).OrderBy(u => u.SortOrder).ToList();
        var districts = units.Where(u => u.Kind == UnitKind.District && u.IsActiveOn(IssuedOn)).OrderBy(u => u.SortOrder).ToList();
        var noiVu = Named("Sở Nội vụ");
        var since2022 = Schedule.Continuous(2022);

        yield return ("II.1", new(Schedule.Fixed(new DateOnly(2022, 6, 30)), "Kế hoạch triển khai thực hiện của cơ quan, đơn vị", null,
            agencies, Group: "Các cơ quan, đơn vị"));
        yield return ("II.6.b", new(since2022, "Hướng dẫn đổi mới bình xét mức độ hoàn thành nhiệm vụ hằng tháng", null, [noiVu]));
        yield return ("III.1", new(Schedule.Yearly(5, 12, 2022), "Báo cáo tình hình, kết quả thực hiện", "Định kỳ trước ngày 05/12 hàng năm",
            [.. agencies, .. districts], Group: ReportingGroup));
        yield return ("III.2.-1", new(Schedule.Yearly(15, 12, 2022), "Báo cáo tổng hợp kết quả thực hiện của tỉnh", "Định kỳ hàng năm", [noiVu]));
        yield return ("III.2.-2", new(since2022, "Kết quả kiểm tra; văn bản tham mưu chấn chỉnh", null, [noiVu]));
        yield return ("III.2.-3", new(since2022, "Bộ tiêu chí đánh giá cải cách hành chính cấp xã; Chỉ số cải cách hành chính của tỉnh", null, [noiVu]));
        yield return ("III.2.-4", new(since2022, "Báo cáo kiểm tra công vụ; báo cáo sơ kết Đề án Văn hóa công vụ", null, [noiVu]));
        yield return ("III.2.-5", new(Schedule.Fixed(new DateOnly(2022, 12, 31)), "Đề án", null, [noiVu]));
        yield return ("III.2.-6", new(since2022, "Văn bản tham mưu cụ thể hóa quy định về quản lý cán bộ, công chức, viên chức", null, [noiVu]));
        yield return ("III.3", new(since2022, "Văn bản đề xuất sửa đổi, bổ sung chính sách", null,
            [Named("Sở Kế hoạch và Đầu tư"), Named("Sở Xây dựng"), Named("Sở Tài nguyên và Môi trường"), Named("Sở Tài chính")],
            Group: "Các Sở: Kế hoạch và Đầu tư, Xây dựng, Tài nguyên và Môi trường, Tài chính"));
        yield return ("III.4", new(since2022, "Kết quả rà soát, thẩm định văn bản quy phạm pháp luật; văn bản kiến nghị", "Thường xuyên",
            [Named("Sở Tư pháp")], [Named("Văn phòng Ủy ban nhân dân tỉnh")]));
        yield return ("III.5", new(since2022, "Báo cáo công tác quản lý báo chí, xuất bản, internet, mạng xã hội", null,
            [Named("Sở Thông tin và Truyền thông")], [Named("Đài Phát thanh và Truyền hình tỉnh"), Named("Báo Nghệ An")]));
        yield return ("III.6", new(since2022, "Báo cáo công tác phòng, chống tham nhũng, lãng phí; giải quyết khiếu nại, tố cáo", null,
            [Named("Thanh tra tỉnh")], [Named("Công an tỉnh"), noiVu]));
        yield return ("III.7", new(since2022, "Báo cáo kết quả bảo vệ nền tảng tư tưởng của Đảng, bảo vệ chính trị nội bộ", null,
            [Named("Công an tỉnh")], [Named("Thanh tra tỉnh"), Named("Sở Thông tin và Truyền thông")]));
    }

    private static T Demand<T>(SaveResult<T> result) =>
        result.Ok ? result.Value! : throw new InvalidOperationException($"Demo plan: {result.Message}");
}
