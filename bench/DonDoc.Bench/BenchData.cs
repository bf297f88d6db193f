using DonDoc.Data;
using DonDoc.Features.Plans;
using DonDoc.Features.Plans.Rules;
using DonDoc.Features.Units;

namespace DonDoc.Bench;

/// <summary>
/// A province of 300 units (the UBND, 40 agencies, 20 districts, 239 communes) and 20,000 assignments across
/// 40 plans, each with one occurrence, in the mix of states a live system has around "today".
/// </summary>
internal static class BenchData
{
    public const int Plans = 40;
    public const int TasksPerPlan = 125;
    public const int LeadsPerTask = 4;
    public const int Assignments = Plans * TasksPerPlan * LeadsPerTask;

    private static readonly string[] Sentences =
    [
        "Rà soát, hệ thống hóa văn bản quy phạm pháp luật thuộc lĩnh vực quản lý",
        "Đẩy mạnh ứng dụng công nghệ thông tin, chuyển đổi số trong giải quyết thủ tục hành chính",
        "Tổ chức tập huấn nghiệp vụ cải cách hành chính cho cán bộ, công chức",
        "Báo cáo kết quả thực hiện nhiệm vụ cải cách hành chính",
        "Kiểm tra việc thực hiện quy chế dân chủ ở cơ sở",
        "Xây dựng đề án sắp xếp tổ chức bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả",
        "Công khai thủ tục hành chính trên Cổng dịch vụ công của tỉnh",
        "Đánh giá chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính",
        "Tuyên truyền, phổ biến, giáo dục pháp luật cho nhân dân",
        "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
        "Thực hiện cơ chế một cửa, một cửa liên thông",
        "Nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức",
    ];

    private static readonly string[] Sections = ["I", "II", "III", "IV", "V"];

    /// <summary>Loads the units; returns them with their ids and paths.</summary>
    public static async Task<List<Unit>> UnitsAsync(DonDocDbContext db)
    {
        var province = new Unit { Code = "B00.00.00.H41", Name = "Ủy ban nhân dân tỉnh Thử nghiệm", Kind = UnitKind.Province };
        db.Units.Add(province);
        await db.SaveChangesAsync();
        province.Path = UnitRules.ChildPath(null, province.Id);
        var agencies = Enumerable.Range(1, 40).Select(i => Child(province, $"B00.00.{i:00}.H41", $"Sở thử nghiệm số {i}", UnitKind.Department, i)).ToList();
        var districts = Enumerable.Range(1, 20).Select(i => Child(province, $"B00.{i:00}.00.H41", $"Ủy ban nhân dân huyện thử nghiệm {i}", UnitKind.District, 100 + i)).ToList();
        db.Units.AddRange(agencies);
        db.Units.AddRange(districts);
        await SaveAsync(db);
        var communes = Enumerable.Range(0, 239).Select(i => Child(districts[i % districts.Count], $"B{i % 20:00}.{i:000}.00.H41",
            $"Ủy ban nhân dân xã thử nghiệm {i + 1}", UnitKind.Commune, 200 + i)).ToList();
        db.Units.AddRange(communes);
        await SaveAsync(db);
        foreach (var unit in agencies.Concat(districts))
            unit.Path = UnitRules.ChildPath(province.Path, unit.Id);
        foreach (var unit in communes)
            unit.Path = UnitRules.ChildPath(unit.Parent!.Path, unit.Id);
        await SaveAsync(db);
        return [province, .. agencies, .. districts, .. communes];
    }

    /// <summary>
    /// Plans, task nodes, assignments and occurrences. About a third are accepted as done (some late), a tenth wait
    /// for review, one in twenty is a standing duty; deadlines spread from two years ago to a year ahead.
    /// </summary>
    public static async Task TasksAsync(DonDocDbContext db, List<Unit> units, DateOnly today)
    {
        var random = new Random(20_000);
        var leads = units.Skip(1).ToList();
        var now = DateTime.UtcNow;
        for (var p = 0; p < Plans; p++)
        {
            var plan = new Plan
            {
                Symbol = $"{100 + p}/KH-UBND",
                IssuedOn = today.AddDays(-700 + p * 10),
                IssuingUnitId = units[0].Id,
                Title = $"Kế hoạch thực hiện nhiệm vụ năm {2024 + p % 3} số {p + 1}",
                Status = PlanStatus.Issued,
                CreatedAt = now,
            };
            db.Plans.Add(plan);
            await SaveAsync(db);
            for (var t = 0; t < TasksPerPlan; t++)
            {
                var continuous = random.Next(20) == 0;
                var node = new PlanNode
                {
                    PlanId = plan.Id,
                    Label = $"{t % 25 + 1}",
                    Path = $"{Sections[t / 25]}.{t % 25 + 1}",
                    Text = $"{Sentences[random.Next(Sentences.Length)]} (nhiệm vụ {p + 1}.{t + 1}).",
                    SortOrder = t,
                    IsTask = true,
                    ExpectedOutput = "Báo cáo",
                    Schedule = continuous ? Schedule.Continuous(today.Year) : Schedule.Fixed(today.AddDays(random.Next(-730, 365))),
                };
                foreach (var lead in leads.OrderBy(_ => random.Next()).Take(LeadsPerTask))
                {
                    var assignment = new Assignment { PlanId = plan.Id, LeadUnitId = lead.Id, CreatedAt = now };
                    var supporting = leads[random.Next(leads.Count)];
                    if (random.Next(5) == 0 && supporting.Id != lead.Id)
                        assignment.SupportingUnits.Add(new AssignmentSupport { UnitId = supporting.Id });
                    assignment.Occurrences.Add(Occurrence(node, today, random));
                    node.Assignments.Add(assignment);
                }
                db.PlanNodes.Add(node);
            }
            await SaveAsync(db);
            db.ChangeTracker.Clear();
        }
    }

    private static Occurrence Occurrence(PlanNode node, DateOnly today, Random random)
    {
        var due = node.DueDate;
        var o = new Occurrence
        {
            Period = due is null ? $"{today.Year}" : SchedulePeriods.OncePeriod,
            PeriodStart = due is null ? new DateOnly(today.Year, 1, 1) : DateOnly.MinValue,
            PeriodEnd = due ?? new DateOnly(today.Year, 12, 31),
            DueDate = due,
            OriginalDueDate = due,
        };
        var roll = random.Next(100);
        if (roll < 35)
        {
            o.State = OccurrenceState.Completed;
            o.Reported = true;
            o.CompletedOn = due is { } d ? Min(d.AddDays(random.Next(-30, 20)), today) : today.AddDays(-random.Next(1, 200));
        }
        else if (roll < 45)
        {
            o.State = OccurrenceState.AwaitingReview;
        }
        if (due is { } extended && random.Next(15) == 0 && o.State != OccurrenceState.Completed)
            o.DueDate = extended.AddDays(30);
        return o;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static Unit Child(Unit parent, string code, string name, UnitKind kind, int sortOrder) =>
        new() { Code = code, Name = name, Kind = kind, Parent = parent, ParentId = parent.Id, SortOrder = sortOrder };

    /// <summary>Saves with change detection run once per batch rather than on every Add.</summary>
    private static async Task SaveAsync(DonDocDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
    }
}
