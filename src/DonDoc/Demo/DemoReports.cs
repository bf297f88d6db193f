using System.Security.Claims;
using DonDoc.Calendar;
using DonDoc.Data;
using DonDoc.Features.Plans;
using DonDoc.Features.Reports;
using DonDoc.Features.Reports.Rules;
using DonDoc.Features.Units;
using DonDoc.Features.Users;
using DonDoc.Security;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Demo;

/// <summary>
/// The seed's yearly report (III.1: "định kỳ trước ngày 05/12 hàng năm") from 2022 to this year, through its
/// workflow at the dates the plan's history gives: a unit whose reporting task was completed submitted its report
/// that day and Sở Nội vụ accepted it; one whose task awaits review has submitted; one overdue has not, or was
/// returned. This year's period is open, with drafts, reports awaiting the unit head and reports already in.
/// The 2025 consolidation carries the coordinator's text, so the province's report can be downloaded.
/// </summary>
public sealed class DemoReports(DonDocDbContext db, TimeProvider clock)
{
    private const int ConsolidatedYear = 2025;
    private readonly ReplayClock _replay = new();

    private static readonly IndicatorInput[] Indicators =
    [
        new("TTHC", "Số thủ tục hành chính được rà soát, đơn giản hóa", "thủ tục", IndicatorType.Integer, Aggregation.Sum, 0, 1000, Required: true),
        new("DUNGHAN", "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn", "%", IndicatorType.Decimal, Aggregation.Average, 0, 100, Required: true),
        new("VBQPPL", "Số văn bản quy phạm pháp luật được ban hành", "văn bản", IndicatorType.Integer, Aggregation.Sum, 0, 500),
        new("KHCCHC", "Đã ban hành kế hoạch cải cách hành chính năm", null, IndicatorType.YesNo, Aggregation.CountYes),
    ];

    private static readonly string[] Shortcomings =
    [
        "Một số nhiệm vụ triển khai còn chậm so với kế hoạch; việc cập nhật minh chứng chưa kịp thời.",
        "Chất lượng tham mưu một số văn bản chưa cao; số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn chậm.",
        "Ứng dụng công nghệ thông tin trong chỉ đạo, điều hành chưa đồng đều giữa các phòng, bộ phận.",
    ];

    private static readonly string[] Directions =
    [
        "Tiếp tục rà soát, đơn giản hóa thủ tục hành chính; nâng cao tỷ lệ hồ sơ giải quyết đúng hạn.",
        "Đẩy mạnh chuyển đổi số, tăng cường kỷ luật, kỷ cương hành chính trong cơ quan, đơn vị.",
    ];

    private enum Fate { Nothing, Drafted, AwaitingHead, Submitted, Accepted, Returned }

    public async Task AddAsync(Plan plan, ClaimsPrincipal coordinator, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = VietnamTime.Today(clock);
        var receiver = await db.Units.FirstAsync(u => u.Code == DemoUnits.SoNoiVu, ct);
        var templates = new SaveTemplate(db);
        var draft = Demand(await templates.DraftFromPlanAsync(plan.Id, receiver.Id, ct));
        var template = Demand(await templates.CreateAsync(draft with
        {
            Name = "Báo cáo kết quả thực hiện Kế hoạch thực hiện Nghị quyết số 30/NQ-CP", Indicators = Indicators, ObligedGroup = "Các sở, ban, ngành cấp tỉnh; UBND các xã, phường",
        }, ct));
        var reports = new UnitReports(db, _replay);
        for (var year = 2022; year <= today.Year; year++)
        {
            _replay.Now = At(new DateOnly(year, 11, 1));
            if (_replay.Now > now)
                break;
            var period = Demand(await new OpenPeriod(db, _replay).OpenAsync(template.Id, year, 1, ct));
            var tasks = await db.Occurrences.AsNoTracking().Where(o => o.Assignment!.NodeId == template.TaskNodeId && o.Period == period.Label)
                .Select(o => new { o.Assignment!.LeadUnitId, o.State, o.CompletedOn, o.DueDate }).ToListAsync(ct);
            var units = await db.UnitReports.AsNoTracking().Where(r => r.PeriodId == period.Id).Select(r => new { r.Id, r.Unit }).ToListAsync(ct);
            db.ChangeTracker.Clear();
            foreach (var r in units)
            {
                var task = tasks.FirstOrDefault(t => t.LeadUnitId == r.Unit!.Id);
                var seed = r.Unit!.Id * 31 + year;
                var (fate, on) = task switch
                {
                    { State: OccurrenceState.Completed, CompletedOn: { } done } => (Fate.Accepted, done),
                    { State: OccurrenceState.AwaitingReview } => (Fate.Submitted, period.DueDate.AddDays(-(seed % 5))),
                    { DueDate: { } due } when due < today => seed % 3 == 0 ? (Fate.Returned, due.AddDays(4 + seed % 6)) : (seed % 2 == 0 ? Fate.Drafted : Fate.Nothing, due),
                    null when period.DueDate < today => (Fate.Accepted, period.DueDate.AddDays(-(seed % 4))),
                    // This year: drafts, reports with the unit head and reports in; none reviewed yet, so the task history stays the plan's.
                    _ => ((Fate)(seed % 4), today.AddDays(-(1 + seed % 3))),
                };
                await PlayAsync(reports, coordinator, r.Id, r.Unit, fate, on, seed, now, ct);
                db.ChangeTracker.Clear();
            }
            if (year == ConsolidatedYear)
                await ConsolidateAsync(period.Id, ct);
        }
    }

    private async Task PlayAsync(UnitReports reports, ClaimsPrincipal coordinator, int id, Unit unit, Fate fate, DateOnly on, int seed,
        DateTimeOffset now, CancellationToken ct)
    {
        if (fate == Fate.Nothing)
            return;
        var officer = Person(unit, Roles.UnitOfficer, $"Văn phòng {unit.ShortName ?? unit.Name}");
        var head = Person(unit, Roles.UnitHead, DemoAccounts.All.FirstOrDefault(a => a.Role == Roles.UnitHead && a.UnitCode == unit.Code)?.FullName
            ?? $"Thủ trưởng {unit.ShortName ?? unit.Name}");
        var day = Earlier(on.AddDays(-3), now);
        _replay.Now = At(day);
        Demand(await reports.PrefillAsync(officer, id, ct));
        var detail = await db.UnitReports.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new { Sections = r.Period!.Template!.Sections.Where(s => s.NodeId == null).OrderBy(s => s.SortOrder).Select(s => s.Id).ToList(),
                Indicators = r.Period.Template.Indicators.OrderBy(i => i.SortOrder).Select(i => i.Id).ToList(), r.Version })
            .FirstAsync(ct);
        db.ChangeTracker.Clear();
        var texts = new Dictionary<int, string>();
        for (var i = 0; i < detail.Sections.Count; i++)
            texts[detail.Sections[i]] = $"<p>{(i % 2 == 0 ? Shortcomings[(seed + i) % Shortcomings.Length] : Directions[(seed + i) % Directions.Length])}</p>";
        var values = new Dictionary<int, IndicatorValue>
        {
            [detail.Indicators[0]] = new(5 + seed % 40, IsEstimate: on.Month == 12 && seed % 4 == 0),
            [detail.Indicators[1]] = new(88 + seed % 12, IsEstimate: seed % 5 == 0),
            [detail.Indicators[2]] = new(seed % 6),
            [detail.Indicators[3]] = new(seed % 7 == 0 ? 0 : 1),
        };
        Demand(await reports.SaveDraftAsync(officer, id, new ReportDraft(texts, values), detail.Version, ct));
        db.ChangeTracker.Clear();
        if (fate == Fate.Drafted)
            return;
        Demand(await reports.SubmitAsync(officer, id, ct));
        db.ChangeTracker.Clear();
        if (fate == Fate.AwaitingHead)
            return;
        _replay.Now = At(Earlier(on, now), 9);
        Demand(await reports.SubmitAsync(head, id, ct));
        db.ChangeTracker.Clear();
        if (fate == Fate.Submitted || At(on.AddDays(2)) > now)
            return;
        _replay.Now = At(on.AddDays(2), 14);
        Demand(await reports.ReviewAsync(coordinator, id, fate == Fate.Accepted,
            fate == Fate.Returned ? "Đề nghị bổ sung số liệu về thủ tục hành chính và minh chứng kết quả thực hiện các nhiệm vụ được giao." : null, ct));
        db.ChangeTracker.Clear();
    }

    /// <summary>Sở Nội vụ's text of the province's report: each task's results with the units that reported them, then the common parts.</summary>
    private async Task ConsolidateAsync(int periodId, CancellationToken ct)
    {
        var c = (await ReportQueries.ConsolidationAsync(db, periodId, ct))!;
        var sections = c.Sections.ToDictionary(s => s.Section.Id, s => s.Contributions.Count == 0
            ? "<p>Các cơ quan, đơn vị đã quán triệt, triển khai thực hiện theo kế hoạch.</p>"
            : string.Concat(s.Contributions.Take(3).Select(x =>
                $"<p data-source-unit=\"{x.UnitName}\">{x.UnitName}: {System.Net.WebUtility.HtmlEncode(TextDiff.PlainText(x.Html).Split('\n')[0].TrimStart('-', ' '))}</p>")));
        Demand(await new Consolidate(db).SaveAsync(periodId, sections, null, c.Version, ct));
        db.ChangeTracker.Clear();
    }

    private static ClaimsPrincipal Person(Unit unit, string role, string name) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, "0"), new Claim(ClaimTypes.Role, role),
        new Claim(ClaimsPrincipalExtensions.UnitClaim, unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new Claim(ClaimsPrincipalExtensions.FullNameClaim, name),
    ], "demo"));

    private static DateOnly Earlier(DateOnly day, DateTimeOffset now) => At(day) > now ? DateOnly.FromDateTime(VietnamTime.ToLocal(now.UtcDateTime)) : day;

    private static DateTimeOffset At(DateOnly day, int hour = 8) => new(VietnamTime.StartOfDayUtc(day).AddHours(hour), TimeSpan.Zero);

    private static T Demand<T>(SaveResult<T> result) =>
        result.Ok ? result.Value! : throw new InvalidOperationException("Demo reports: " + result.Message);
}
