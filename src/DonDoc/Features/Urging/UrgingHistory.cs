using DonDoc.Data;
using DonDoc.Security;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Urging;

public sealed record LetterUnitDto(int UnitId, string UnitName, int Items);

public sealed record LetterDto(int Id, string? Symbol, DateOnly Date, UrgingKind Kind, string Subject, string IssuerName, bool IssuedAsProvince, int? PlanId, int? PeriodId,
    DateOnly ReplyBy, string CreatedByName, DateTime CreatedAt, IReadOnlyList<LetterUnitDto> Units)
{
    public string DocxUrl => $"/api/v1/urging-letters/{Id}.docx";
}

/// <summary>How many letters have urged a unit, and the date of the latest.</summary>
public sealed record UrgedCount(int UnitId, string UnitName, int Times, DateOnly Last);

/// <summary>A letter that listed one occurrence, as the task's page shows it.</summary>
public sealed record Mention(int LetterId, string? Symbol, DateOnly Date, string Subject, string UnitName, DateOnly? DueDate, int? DaysLate);

/// <summary>The urging letters sent: the history, the count per unit, the letters that named a task.</summary>
public static class UrgingHistory
{
    /// <summary>
    /// Letters newest first; a person outside the province-wide roles sees those addressed to a unit in their scope.
    /// Filtered by an addressed unit, or by an occurrence the letter listed.
    /// </summary>
    public static async Task<List<LetterDto>> LettersAsync(DonDocDbContext db, UnitScope scope, int? unitId = null, int? occurrenceId = null,
        CancellationToken ct = default)
    {
        var q = Visible(db, scope);
        if (unitId is { } u)
            q = q.Where(l => l.Units.Any(x => x.UnitId == u));
        if (occurrenceId is { } o)
            q = q.Where(l => l.Units.Any(x => x.Items.Any(i => i.OccurrenceId == o)));
        return await q.OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id)
            .Select(l => new LetterDto(l.Id, l.Symbol, l.Date, l.Kind, l.Subject, l.IssuerUnit!.Name, l.IssuedAsProvince, l.PlanId, l.PeriodId, l.ReplyBy, l.CreatedByName,
                l.CreatedAt, l.Units.OrderBy(x => x.SortOrder).Select(x => new LetterUnitDto(x.UnitId, x.UnitName, x.Items.Count)).ToList()))
            .ToListAsync(ct);
    }

    /// <summary>The letter with its units and items, to write as .docx; null when missing or out of scope.</summary>
    public static Task<UrgingLetter?> LetterAsync(DonDocDbContext db, UnitScope scope, int id, CancellationToken ct = default) =>
        Visible(db, scope).Include(l => l.Units).ThenInclude(u => u.Items).AsSplitQuery().FirstOrDefaultAsync(l => l.Id == id, ct);

    /// <summary>Số lần bị đôn đốc: letters per unit, for the given units or (null) every unit ever urged.</summary>
    public static async Task<Dictionary<int, UrgedCount>> CountsAsync(DonDocDbContext db, IReadOnlyList<int>? unitIds = null, CancellationToken ct = default)
    {
        var q = db.Set<UrgingLetterUnit>().AsNoTracking();
        if (unitIds is not null)
        {
            var ids = unitIds.ToArray();
            q = q.Where(u => ids.Contains(u.UnitId));
        }
        var rows = await q.Select(u => new { u.UnitId, u.Unit!.Name, u.Letter!.Date })
            .GroupBy(u => new { u.UnitId, u.Name })
            .Select(g => new UrgedCount(g.Key.UnitId, g.Key.Name, g.Count(), g.Max(u => u.Date)))
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.UnitId);
    }

    public static Task<List<Mention>> MentionsAsync(DonDocDbContext db, int occurrenceId, CancellationToken ct = default) =>
        db.Set<UrgingLetterItem>().AsNoTracking().Where(i => i.OccurrenceId == occurrenceId)
            .OrderByDescending(i => i.LetterUnit!.Letter!.CreatedAt)
            .Select(i => new Mention(i.LetterUnit!.LetterId, i.LetterUnit.Letter!.Symbol, i.LetterUnit.Letter.Date, i.LetterUnit.Letter.Subject,
                i.LetterUnit.UnitName, i.DueDate, i.DaysLate))
            .ToListAsync(ct);

    private static IQueryable<UrgingLetter> Visible(DonDocDbContext db, UnitScope scope)
    {
        var letters = db.UrgingLetters.AsNoTracking();
        if (scope.All)
            return letters;
        var units = db.Units.VisibleIn(scope).Select(u => u.Id);
        return letters.Where(l => l.Units.Any(u => units.Contains(u.UnitId)));
    }
}
