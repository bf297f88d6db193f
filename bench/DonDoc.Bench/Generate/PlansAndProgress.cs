using DonDoc.Data;
using DonDoc.Features.Plans;
using DonDoc.Features.Plans.Rules;
using DonDoc.Features.Units;

namespace DonDoc.Bench.Generate;

/// <summary>
/// Plans over five years, their tasks given to one to eight lead units (agencies far more often than communes), one
/// occurrence per assignment, and the progress updates the units posted. Statuses as a live system has them: most
/// old tasks done (a third of them late), some awaiting review, overdue ones, some extended, recent ones in progress.
/// </summary>
internal static class PlansAndProgress
{
    private static readonly string[] Sections = ["I", "II", "III", "IV", "V", "VI"];

    private static readonly string[] Themes =
    [
        "cải cách hành chính", "chuyển đổi số", "phòng, chống tham nhũng, tiêu cực", "phổ biến, giáo dục pháp luật",
        "xây dựng nông thôn mới", "thực hiện Nghị quyết số 30/NQ-CP của Chính phủ", "phát triển kinh tế - xã hội", "thực hành tiết kiệm, chống lãng phí",
    ];

    public sealed record Result(List<Occurrence> Occurrences, Dictionary<int, int> LeadOfAssignment, List<PlanNode> Tasks);

    public static async Task<Result> PlansAsync(DonDocDbContext db, DatabaseProvider provider, Scale scale, Province province, DateOnly today,
        DateTime now, CancellationToken ct)
    {
        var random = new Random(Generator.Seed + 2);
        var leads = province.Units.Where(u => u.Id != province.Ubnd.Id && u.ValidTo is null).ToList();
        var weights = leads.Select(u => u.Kind == UnitKind.Commune ? 1.0 : 12.0).ToArray();
        var start = today.AddYears(-5);
        var plans = new List<Plan>();
        var nodes = new List<PlanNode>();
        var assignments = new List<Assignment>();
        var supports = new List<AssignmentSupport>();
        var occurrences = new List<Occurrence>();
        var leadOf = new Dictionary<int, int>();
        for (var p = 0; p < scale.Plans; p++)
        {
            var issued = start.AddDays(p * 1826 / scale.Plans + random.Next(0, 20));
            var plan = new Plan
            {
                Id = p + 1, Symbol = $"{random.Next(10, 400)}/KH-UBND", IssuedOn = issued, IssuingUnitId = province.Ubnd.Id,
                Title = $"Kế hoạch {Themes[p % Themes.Length]} năm {issued.Year}", Signer = "Lê Hồng Vinh", Status = PlanStatus.Issued,
                CreatedAt = issued.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc), Version = 1,
            };
            plans.Add(plan);
            var quota = scale.Assignments * (p + 1) / scale.Plans - scale.Assignments * p / scale.Plans;
            var sectionNodes = new List<PlanNode>();
            for (var t = 0; quota > 0; t++)
            {
                var s = t % Sections.Length;
                if (sectionNodes.Count <= s)
                {
                    var section = new PlanNode
                    {
                        Id = nodes.Count + 1, PlanId = plan.Id, Label = Sections[s], Path = Sections[s], Heading = "NHIỆM VỤ, GIẢI PHÁP",
                        Text = VietnameseText.TaskText(random), SortOrder = s, Version = 1,
                    };
                    nodes.Add(section);
                    sectionNodes.Add(section);
                }
                var number = t / Sections.Length + 1;
                var continuous = random.Next(20) == 0;
                var node = new PlanNode
                {
                    Id = nodes.Count + 1, PlanId = plan.Id, ParentId = sectionNodes[s].Id, Label = $"{number}.", Path = $"{Sections[s]}.{number}",
                    Text = VietnameseText.TaskText(random), SortOrder = number, IsTask = true, ExpectedOutput = "Báo cáo kết quả thực hiện", Version = 1,
                    Schedule = continuous ? Schedule.Continuous(today.Year) : Schedule.Fixed(issued.AddDays(random.Next(30, 540))),
                };
                nodes.Add(node);
                foreach (var lead in Distinct(random, leads, weights, Math.Min(quota, random.Next(1, 9))))
                {
                    var assignment = new Assignment { Id = assignments.Count + 1, NodeId = node.Id, PlanId = plan.Id, LeadUnitId = lead.Id, CreatedAt = plan.CreatedAt };
                    assignments.Add(assignment);
                    leadOf[assignment.Id] = lead.Id;
                    var supporting = leads[random.Next(leads.Count)];
                    if (random.Next(5) == 0 && supporting.Id != lead.Id)
                        supports.Add(new AssignmentSupport { AssignmentId = assignment.Id, UnitId = supporting.Id });
                    occurrences.Add(Occurrence(occurrences.Count + 1, assignment.Id, node.DueDate, today, random));
                    quota--;
                }
            }
        }
        await BulkTable.WriteAsync(db, provider, plans, ct);
        await BulkTable.WriteAsync(db, provider, nodes, ct);
        await BulkTable.WriteAsync(db, provider, assignments, ct);
        await BulkTable.WriteAsync(db, provider, supports, ct);
        await BulkTable.WriteAsync(db, provider, occurrences, ct);
        return new Result(occurrences, leadOf, nodes.Where(n => n.IsTask).ToList());
    }

    /// <summary>
    /// The updates, spread over the occurrences: a done or awaiting task ends with the completion claim (accepted, or
    /// pending), an open one has only progress notes; percentages rise from one update to the next.
    /// </summary>
    public static async Task<int> ProgressAsync(DonDocDbContext db, DatabaseProvider provider, Scale scale, Province province, Result plans,
        DateOnly today, CancellationToken ct)
    {
        var random = new Random(Generator.Seed + 3);
        var counts = plans.Occurrences.Select(o => o.State == OccurrenceState.Open ? 0 : 1).ToArray();
        for (var left = scale.ProgressUpdates - counts.Sum(); left > 0; left--)
            counts[random.Next(counts.Length)]++;
        var updates = new List<ProgressUpdate>(scale.ProgressUpdates);
        var coordinator = province.NameOf[province.CoordinatorId];
        foreach (var (o, index) in plans.Occurrences.Select((o, i) => (o, i)))
        {
            var unitId = plans.LeadOfAssignment[o.AssignmentId];
            var authors = province.OfficersByUnit.TryGetValue(unitId, out var list) ? list : [province.CoordinatorId];
            var last = o.CompletedOn ?? Min(today, o.DueDate ?? today);
            var first = last.AddDays(-random.Next(30, 400));
            for (var k = 0; k < counts[index]; k++)
            {
                var author = authors[random.Next(authors.Length)];
                var final = k == counts[index] - 1 && o.State != OccurrenceState.Open;
                var percent = final ? 100 : Math.Min(95, (k + 1) * 100 / (counts[index] + 1));
                var day = final ? last : first.AddDays((last.DayNumber - first.DayNumber) * (k + 1) / (counts[index] + 1));
                updates.Add(new ProgressUpdate
                {
                    Id = updates.Count + 1, OccurrenceId = o.Id, UnitId = unitId, AuthorId = author, AuthorName = province.NameOf[author],
                    PostedAt = day.ToDateTime(new TimeOnly(1 + random.Next(9), random.Next(60)), DateTimeKind.Utc),
                    Text = VietnameseText.UpdateText(random, percent), Percent = percent,
                    EvidenceNumber = random.Next(3) == 0 ? $"{random.Next(1, 900)}/BC-UBND" : null,
                    ClaimsCompletion = final, ClaimedCompletedOn = final ? last : null,
                    Review = !final ? UpdateReview.None : o.State == OccurrenceState.Completed ? UpdateReview.Accepted : UpdateReview.Pending,
                    ReviewedById = final && o.State == OccurrenceState.Completed ? province.CoordinatorId : null,
                    ReviewedByName = final && o.State == OccurrenceState.Completed ? coordinator : null,
                    ReviewedAt = final && o.State == OccurrenceState.Completed ? last.AddDays(2).ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc) : null,
                });
            }
        }
        await BulkTable.WriteAsync(db, provider, updates, ct);
        return updates.Count;
    }

    private static Occurrence Occurrence(int id, int assignmentId, DateOnly? due, DateOnly today, Random random)
    {
        var o = new Occurrence
        {
            Id = id, AssignmentId = assignmentId, Version = 1,
            Period = due is null ? $"{today.Year}" : SchedulePeriods.OncePeriod,
            PeriodStart = due is null ? new DateOnly(today.Year, 1, 1) : DateOnly.MinValue,
            PeriodEnd = due ?? new DateOnly(today.Year, 12, 31),
            DueDate = due, OriginalDueDate = due,
        };
        var past = due is { } d && d < today;
        var roll = random.Next(100);
        if (due is null)
        {
            o.Reported = roll < 60;
        }
        else if (roll < (past ? 60 : 20))
        {
            o.State = OccurrenceState.Completed;
            o.Reported = true;
            var late = random.Next(3) == 0;
            o.CompletedOn = Min(today, late ? due.Value.AddDays(random.Next(1, 60)) : due.Value.AddDays(-random.Next(0, 30)));
        }
        else if (roll < (past ? 70 : 30))
        {
            o.State = OccurrenceState.AwaitingReview;
        }
        if (due is { } extended && o.State != OccurrenceState.Completed && random.Next(6) == 0)
            o.DueDate = extended.AddDays(random.Next(30, 91));
        return o;
    }

    /// <summary><paramref name="count"/> different items, each drawn with the chance its weight gives.</summary>
    private static List<Unit> Distinct(Random random, List<Unit> items, double[] weights, int count)
    {
        var total = weights.Sum();
        var chosen = new List<Unit>(count);
        while (chosen.Count < count)
        {
            var x = random.NextDouble() * total;
            var i = 0;
            while (i < items.Count - 1 && (x -= weights[i]) > 0)
                i++;
            if (!chosen.Contains(items[i]))
                chosen.Add(items[i]);
        }
        return chosen;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
