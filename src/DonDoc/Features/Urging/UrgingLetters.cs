using System.Globalization;
using DonDoc.Calendar;
using DonDoc.Data;
using DonDoc.Features.Plans;
using DonDoc.Features.Plans.Rules;
using DonDoc.Features.Reports;
using DonDoc.Features.Reports.Rules;
using DonDoc.Features.Units;
using DonDoc.Security;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Urging;

/// <summary>
/// What to urge: the selected units' overdue tasks (of one plan, or of all), or their missing reports of a period;
/// the letter in the coordinator's agency's name or the UBND tỉnh's, and the working days the units have to reply.
/// </summary>
public sealed record UrgingRequest(IReadOnlyList<int>? UnitIds, int? PlanId = null, int? PeriodId = null, bool IssueAsProvince = false,
    int? ReplyWithinWorkingDays = null, string? Symbol = null);

/// <summary>
/// Draws up a văn bản đôn đốc: collects for each selected unit what it is late with, words the letter, records it
/// (letter, units, items in one save) and gives the recorded letter back to be written as .docx.
/// </summary>
public sealed class UrgingLetters(DonDocDbContext db, CurrentActor actor, TaskTracking tracking, CalendarDays calendar, TimeProvider clock)
{
    public const int DefaultReplyDays = 5, MaxReplyDays = 60, MaxUnits = 200;

    private static readonly CultureInfo Vi = VietnamTime.Culture;
    private const string Province = "Ủy ban nhân dân tỉnh";

    /// <summary>What the letter lists for one unit, before it is recorded.</summary>
    private sealed record Listed(int UnitId, string UnitName, List<UrgingLetterItem> Items);

    public async Task<SaveResult<UrgingLetter>> CreateAsync(UrgingRequest request, CancellationToken ct = default)
    {
        var unitIds = (request.UnitIds ?? []).Distinct().ToArray();
        var replyDays = request.ReplyWithinWorkingDays ?? DefaultReplyDays;
        var symbol = string.IsNullOrWhiteSpace(request.Symbol) ? null : request.Symbol.Trim();
        var errors = new Dictionary<string, string[]>();
        if (unitIds.Length == 0)
            errors["unitIds"] = ["Hãy chọn ít nhất một cơ quan, đơn vị cần đôn đốc."];
        else if (unitIds.Length > MaxUnits)
            errors["unitIds"] = [$"Một văn bản đôn đốc gửi tối đa {MaxUnits} cơ quan, đơn vị."];
        if (request is { PlanId: not null, PeriodId: not null })
            errors["periodId"] = ["Văn bản đôn đốc hoặc nhiệm vụ quá hạn của một kế hoạch, hoặc báo cáo chưa gửi của một kỳ; không chọn cả hai."];
        if (replyDays is < 1 or > MaxReplyDays)
            errors["replyWithinWorkingDays"] = [$"Thời hạn báo cáo lại là từ 1 đến {MaxReplyDays} ngày làm việc."];
        if (symbol is { Length: > 80 })
            errors["symbol"] = ["Số, ký hiệu dài tối đa 80 ký tự."];
        if (errors.Count > 0)
            return SaveResult<UrgingLetter>.Fail(errors);

        var principal = await actor.PrincipalAsync();
        var issuer = principal.UnitId() is { } own
            ? await db.Units.AsNoTracking().Include(u => u.Parent).FirstOrDefaultAsync(u => u.Id == own, ct)
            : null;
        if (issuer is null)
            return SaveResult<UrgingLetter>.Fail("unitIds", "Tài khoản của bạn chưa gắn với cơ quan nào nên không đứng tên được văn bản đôn đốc.");
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        if (unitIds.Except(units.Select(u => u.Id)).ToList() is { Count: > 0 } unknown)
            return SaveResult<UrgingLetter>.Fail("unitIds", $"Không tìm thấy đơn vị có mã số {string.Join(", ", unknown)}.");
        // In the order chosen, so the letter lists the units as the coordinator ticked them.
        var names = unitIds.Select(id => (id, units.Single(u => u.Id == id).Name)).ToList();

        var day = tracking.Today();
        var scope = await UnitScope.ForAsync(principal, db, ct);
        var letter = new UrgingLetter
        {
            Symbol = symbol,
            Date = day.Today,
            IssuerUnitId = issuer.Id,
            IssuedAsProvince = request.IssueAsProvince || issuer.Kind == UnitKind.Province,
            ReplyBy = (await calendar.CalendarAsync(ct)).AddWorkingDays(day.Today, replyDays),
            CreatedById = principal.UserId(),
            CreatedByName = principal.DisplayName(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var content = request.PeriodId is { } periodId
            ? await ReportsAsync(letter, periodId, names, scope, day.Today, ct)
            : await TasksAsync(letter, request.PlanId, names, scope, day, ct);
        if (!content.Ok)
            return SaveResult<UrgingLetter>.Fail(content.Errors);
        await IssuerAsync(letter, issuer, ct);
        letter.Closing = Closing(letter, issuer.Kind == UnitKind.Province ? null : issuer.Name);
        letter.Units = content.Value!.Select((u, i) => new UrgingLetterUnit { UnitId = u.UnitId, UnitName = u.UnitName, SortOrder = i, Items = u.Items }).ToList();
        db.UrgingLetters.Add(letter);
        await db.SaveChangesAsync(ct);
        return SaveResult<UrgingLetter>.Success(letter);
    }

    private async Task<SaveResult<List<Listed>>> TasksAsync(UrgingLetter letter, int? planId, List<(int Id, string Name)> units, UnitScope scope,
        StatusDay day, CancellationToken ct)
    {
        Plan? plan = null;
        if (planId is { } id && (plan = await db.Plans.AsNoTracking().Include(p => p.IssuingUnit).FirstOrDefaultAsync(p => p.Id == id, ct)) is null)
            return SaveResult<List<Listed>>.Fail("planId", $"Không tìm thấy kế hoạch có mã số {id}.");
        var items = await OverdueQueries.OpenItemsAsync(db, scope, new BoardFilter(PlanId: planId), units.Select(u => u.Id).ToArray(), day, ct);
        var byUnit = items.ToLookup(i => i.UnitId);
        var idle = units.Where(u => !byUnit.Contains(u.Id)).Select(u => u.Name).ToList();
        if (idle.Count > 0)
            return SaveResult<List<Listed>>.Fail("unitIds", $"{string.Join("; ", idle)}: không có nhiệm vụ quá hạn{(plan is null ? "" : " trong kế hoạch này")}. Hãy bỏ chọn để lập văn bản.");

        letter.Kind = UrgingKind.Tasks;
        letter.PlanId = plan?.Id;
        var listed = units.Select(u => new Listed(u.Id, u.Name, byUnit[u.Id].Select((item, i) => new UrgingLetterItem
        {
            OccurrenceId = item.OccurrenceId,
            Text = TaskText(item, plan is null),
            DueDate = item.DueDate,
            DaysLate = item.DaysLate,
            SortOrder = i,
        }).ToList())).ToList();
        var today = VietnamTime.Date(day.Today);
        if (plan is null)
        {
            letter.Subject = "đôn đốc thực hiện các nhiệm vụ quá hạn";
            letter.Opening = $"Qua theo dõi việc thực hiện các kế hoạch, nhiệm vụ do {Province} giao, đến ngày {today}, {units.Count} cơ quan, đơn vị sau đây "
                + "còn nhiệm vụ đã quá hạn nhưng chưa hoàn thành:";
        }
        else
        {
            letter.Subject = "đôn đốc thực hiện " + (plan.Symbol is { } s ? $"Kế hoạch số {s}" : "Kế hoạch " + Lower(ShortTitle(plan.Title)));
            letter.Opening = $"Theo {PlanReference(plan)} về {Lower(plan.Title.Trim().TrimEnd('.'))}, các cơ quan, đơn vị được giao chủ trì thực hiện "
                + $"các nhiệm vụ với thời hạn cụ thể. Qua theo dõi, đến ngày {today}, {units.Count} cơ quan, đơn vị sau đây còn nhiệm vụ đã quá hạn nhưng chưa hoàn thành:";
        }
        return SaveResult<List<Listed>>.Success(listed);
    }

    private async Task<SaveResult<List<Listed>>> ReportsAsync(UrgingLetter letter, int periodId, List<(int Id, string Name)> units, UnitScope scope,
        DateOnly today, CancellationToken ct)
    {
        if (await ReportQueries.CompletenessAsync(db, periodId, scope, today, ct) is not { } completeness)
            return SaveResult<List<Listed>>.Fail("periodId", $"Không tìm thấy kỳ báo cáo có mã số {periodId}.");
        var period = completeness.Period;
        var rows = completeness.Rows.ToDictionary(r => r.UnitId);
        var problems = units.Select(u => !rows.TryGetValue(u.Id, out var row) ? $"{u.Name}: không phải gửi báo cáo kỳ này"
                : ReportQueries.IsIn(row.State) ? $"{u.Name}: đã gửi báo cáo kỳ này" : null)
            .OfType<string>().ToList();
        if (problems.Count > 0)
            return SaveResult<List<Listed>>.Fail("unitIds", string.Join("; ", problems) + ". Hãy bỏ chọn để lập văn bản.");

        var report = $"{period.TemplateName} {PeriodWords(period.Label)}";
        letter.Kind = UrgingKind.Reports;
        letter.PeriodId = period.Id;
        letter.Subject = "đôn đốc gửi " + Lower(report);
        letter.Opening = $"Thực hiện chế độ {Lower(report)}, các cơ quan, đơn vị gửi báo cáo trước ngày {VietnamTime.Date(period.DueDate)}. "
            + $"Đến ngày {VietnamTime.Date(today)}, {units.Count} cơ quan, đơn vị sau đây chưa gửi báo cáo{ReturnedNote(units, rows)}:";
        var listed = units.Select(u => new Listed(u.Id, u.Name, [new UrgingLetterItem
        {
            ReportId = rows[u.Id].ReportId,
            Text = $"{report}{(rows[u.Id].State == ReportState.Returned ? " (bị trả lại, chưa gửi lại)" : "")}",
            DueDate = period.DueDate,
            DaysLate = rows[u.Id].DaysLate,
        }])).ToList();
        return SaveResult<List<Listed>>.Success(listed);
    }

    private static string ReturnedNote(List<(int Id, string Name)> units, Dictionary<int, CompletenessRow> rows) =>
        units.Any(u => rows[u.Id].State == ReportState.Returned) ? " (kể cả báo cáo bị trả lại chưa gửi lại)" : "";

    /// <summary>The header: "UBND TỈNH NGHỆ AN" over "SỞ NỘI VỤ", or "ỦY BAN NHÂN DÂN" / "TỈNH NGHỆ AN" in the province's name.</summary>
    private async Task IssuerAsync(UrgingLetter letter, Unit issuer, CancellationToken ct)
    {
        // The province is the issuer itself, the agency's parent, or else the registry's one province.
        var province = issuer.Kind == UnitKind.Province ? issuer.Name
            : issuer.Parent is { Kind: UnitKind.Province } parent ? parent.Name
            : await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Province && u.ParentId == null).OrderBy(u => u.Id)
                .Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "Ủy ban nhân dân tỉnh ……";
        var locality = province.Replace("Ủy ban nhân dân", "", StringComparison.OrdinalIgnoreCase).Replace("UBND", "", StringComparison.Ordinal).Trim();
        letter.Place = locality.Replace("tỉnh ", "", StringComparison.OrdinalIgnoreCase).Replace("thành phố ", "", StringComparison.OrdinalIgnoreCase);
        if (letter.IssuedAsProvince)
        {
            (letter.IssuerLines, letter.IssuerParent, letter.Abbreviation) = (["Ủy ban nhân dân", locality], null, "UBND-NC");
            return;
        }
        letter.IssuerLines = [issuer.Name];
        letter.IssuerParent = issuer.Parent?.Name.Replace("Ủy ban nhân dân", "UBND", StringComparison.OrdinalIgnoreCase);
        // The agency's own abbreviation ("SNV") is the alias written as one upper-case word, else its words' initials.
        letter.Abbreviation = issuer.Aliases.FirstOrDefault(a => a.Length is >= 2 and <= 10 && a.All(char.IsUpper)) ?? Initials(issuer.Name);
    }

    /// <summary>"Sở Nội vụ" → "SNV", "Sở Giáo dục và Đào tạo" → "SGDĐT": the first letters without their tone marks, Đ kept.</summary>
    private static string Initials(string name) => string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Where(w => w != "và" && char.IsLetter(w[0]))
        .Select(w => w[0] is 'đ' or 'Đ' ? 'Đ' : char.ToUpperInvariant(Import.VietnameseText.FoldChar(w[0]))));

    /// <summary>The request to finish and report back by the reply date, to the agency that follows up (none when the province drew it up itself).</summary>
    private static string Closing(UrgingLetter letter, string? agency)
    {
        var by = VietnamTime.Date(letter.ReplyBy);
        var work = letter.Kind == UrgingKind.Tasks
            ? "khẩn trương chỉ đạo hoàn thành các nhiệm vụ quá hạn nêu trên; báo cáo kết quả thực hiện (nêu rõ nguyên nhân chậm và giải pháp khắc phục)"
            : "khẩn trương hoàn thành, gửi báo cáo";
        return letter.IssuedAsProvince
            ? $"Chủ tịch {Province} yêu cầu Thủ trưởng các cơ quan, đơn vị {work} về {Province}{(agency is null ? "" : $" (qua {agency})")} trước ngày {by} để tổng hợp, theo dõi./."
            : $"{agency} đề nghị Thủ trưởng các cơ quan, đơn vị {work} về {agency} trước ngày {by} để tổng hợp, báo cáo {Province}./.";
    }

    /// <summary>"Mục II.3 (kỳ Quý II/2026): …", with the plan named first when the letter spans plans.</summary>
    private static string TaskText(OpenItem item, bool namePlan)
    {
        var content = item.Content.Trim();
        if (content.Length > 600)
            content = content[..599].TrimEnd() + "…";
        var period = item.Period == SchedulePeriods.OncePeriod ? "" : $" (kỳ {item.Period})";
        var plan = !namePlan ? "" : item.PlanSymbol is { } s ? $"Kế hoạch số {s}, m" : $"Kế hoạch {Lower(ShortTitle(item.PlanTitle))}, m";
        return $"{(plan.Length == 0 ? "M" : plan)}ục {item.Path}{period}: {content}";
    }

    /// <summary>"Kế hoạch số 123/KH-UBND ngày 15/01/2026 của Ủy ban nhân dân tỉnh"; a plan without a number is "Kế hoạch của …".</summary>
    private static string PlanReference(Plan plan)
    {
        var number = plan.Symbol is { } s ? $" số {s}" : "";
        var date = plan.IssuedOn is { } d && plan.Symbol is not null ? $" ngày {VietnamTime.Date(d)}" : "";
        var issuer = plan.IssuingUnit?.Kind == UnitKind.Province ? Province : plan.IssuingUnit?.Name;
        return $"Kế hoạch{number}{date}{(issuer is null ? "" : " của " + issuer)}";
    }

    /// <summary>A long title cut where its reference ends: "Thực hiện Nghị quyết số 30/NQ-CP ngày 11/3/2022 của …" → "Thực hiện Nghị quyết số 30/NQ-CP".</summary>
    private static string ShortTitle(string title)
    {
        var t = title.Trim().TrimEnd('.');
        if (t.Length <= 120)
            return t;
        var cut = new[] { t.IndexOf(" ngày ", StringComparison.Ordinal), t.IndexOf(';'), t.IndexOf(',') }.Where(i => i > 0).DefaultIfEmpty(120).Min();
        return t[..Math.Min(cut, 120)].TrimEnd();
    }

    /// <summary>"2026" → "năm 2026"; "Quý II/2026" → "quý II/2026".</summary>
    private static string PeriodWords(string label) => int.TryParse(label, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? $"năm {label}" : Lower(label);

    private static string Lower(string s) => s.Length == 0 ? s : char.ToLower(s[0], Vi) + s[1..];
}
