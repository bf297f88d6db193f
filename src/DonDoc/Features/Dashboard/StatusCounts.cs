using System.Linq.Expressions;
using DonDoc.Features.Plans;
using DonDoc.Features.Plans.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace DonDoc.Features.Dashboard;

/// <summary>How many occurrences with one key (a unit, a month, a task), and optionally a second, are in one status.</summary>
public sealed record StatusCount(int Key, AssignmentStatusCode Status, int Count, int Key2 = 0);

/// <summary>
/// Occurrences counted by a key and their status in one grouped query: the status is the task list's own
/// expression (<see cref="TaskList.StatusExpression"/>), so a count and the list it links to can never disagree.
/// </summary>
public static class StatusCounts
{
    public static Task<List<StatusCount>> ByAsync(IQueryable<Occurrence> occurrences, Expression<Func<Occurrence, int>> key, DateOnly today,
        CancellationToken ct = default) => ByAsync(occurrences, key, _ => 0, today, ct);

    public static async Task<List<StatusCount>> ByAsync(IQueryable<Occurrence> occurrences, Expression<Func<Occurrence, int>> key,
        Expression<Func<Occurrence, int>> key2, DateOnly today, CancellationToken ct = default)
    {
        var status = TaskList.StatusExpression(today);
        var o = key.Parameters[0];
        Expression On(LambdaExpression e) => ReplacingExpressionVisitor.Replace(e.Parameters[0], o, e.Body);
        var keyed = Expression.Lambda<Func<Occurrence, Keyed>>(Expression.MemberInit(Expression.New(typeof(Keyed)),
            Expression.Bind(typeof(Keyed).GetProperty(nameof(Keyed.Key))!, key.Body),
            Expression.Bind(typeof(Keyed).GetProperty(nameof(Keyed.Key2))!, On(key2)),
            Expression.Bind(typeof(Keyed).GetProperty(nameof(Keyed.Status))!, On(status))), o);
        var rows = await occurrences.Select(keyed).GroupBy(x => new { x.Key, x.Key2, x.Status })
            .Select(g => new { g.Key.Key, g.Key.Key2, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        return rows.Select(r => new StatusCount(r.Key, r.Status, r.Count, r.Key2)).ToList();
    }

    /// <summary>The counts of each status, every status present (zero when none).</summary>
    public static Dictionary<AssignmentStatusCode, int> Totals(IEnumerable<StatusCount> counts)
    {
        var list = counts as IReadOnlyCollection<StatusCount> ?? counts.ToList();
        return Enum.GetValues<AssignmentStatusCode>().ToDictionary(s => s, s => list.Where(c => c.Status == s).Sum(c => c.Count));
    }

    public static CompletionRates Rates(IReadOnlyDictionary<AssignmentStatusCode, int> totals) => new(totals[AssignmentStatusCode.CompletedOnTime],
        totals[AssignmentStatusCode.CompletedLate], totals[AssignmentStatusCode.InProgressOnTime], totals[AssignmentStatusCode.InProgressOverdue]);

    private sealed class Keyed
    {
        public int Key { get; init; }
        public int Key2 { get; init; }
        public AssignmentStatusCode Status { get; init; }
    }
}
