using DonDoc.Data;
using DonDoc.Documents;
using DonDoc.Features.Audit;
using DonDoc.Features.Plans;
using DonDoc.Features.Reports.Rules;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Reports;

public sealed record SectionInput(string Title, string? Guidance = null, int? NodeId = null);

public sealed record IndicatorInput(string Code, string Name, string? Measure, IndicatorType Type, Aggregation Aggregation,
    decimal? Min = null, decimal? Max = null, bool Required = false);

public sealed record TemplateInput(
    string Name,
    ReportKind Kind,
    ReportFrequency Frequency,
    int DueDay,
    int? DueMonth,
    int RecipientUnitId,
    IReadOnlyList<int> ObligedUnitIds,
    IReadOnlyList<SectionInput> Sections,
    IReadOnlyList<IndicatorInput>? Indicators = null,
    string? ObligedGroup = null,
    int? PlanId = null,
    int? TaskNodeId = null,
    CutOffRule? CutOff = null);

/// <summary>Creates and edits report templates; one step makes a template from a plan's outline.</summary>
public sealed class SaveTemplate(DonDocDbContext db)
{
    private const string Noun = "Mẫu báo cáo";

    /// <summary>The closing parts every report has (Nghị định 09/2019 outline), after the plan's task groups.</summary>
    public static readonly string[] ClosingSections = ["Tồn tại, hạn chế", "Nguyên nhân", "Phương hướng, nhiệm vụ", "Đề xuất, kiến nghị"];

    public async Task<SaveResult<ReportTemplate>> CreateAsync(TemplateInput input, CancellationToken ct = default)
    {
        var template = new ReportTemplate();
        var result = await ApplyAsync(template, input, ct);
        if (!result.Ok)
            return result;
        db.ReportTemplates.Add(template);
        await db.SaveChangesAsync(ct);
        return result;
    }

    public async Task<SaveResult<ReportTemplate>> UpdateAsync(int id, TemplateInput input, long? expectedVersion, CancellationToken ct = default)
    {
        var template = await db.ReportTemplates.Include(t => t.Obligations).Include(t => t.Sections).Include(t => t.Indicators)
            .FirstOrDefaultAsync(t => t.Id == id, ct);
        if (template is null)
            return SaveResult<ReportTemplate>.Fail("id", "Không tìm thấy mẫu báo cáo.");
        if (expectedVersion is { } v && v != template.Version)
            return await ConcurrentChanges.RefusalAsync(db, Noun, template, v, ct);
        if (await db.ReportPeriods.AnyAsync(p => p.TemplateId == id, ct) && !SameContent(template, input))
            return SaveResult<ReportTemplate>.Fail("sections", "Mẫu đã có kỳ báo cáo: chỉ sửa được tên, hạn và đơn vị; đề cương và chỉ tiêu giữ nguyên để các báo cáo đã nộp còn khớp.");
        var result = await ApplyAsync(template, input, ct);
        return result.Ok ? await ConcurrentChanges.SaveAsync(db, Noun, template, () => db.SaveChangesAsync(ct), ct) : result;
    }

    /// <summary>
    /// The outline of a plan's report: one section per task group of its section II (the plan's "nhiệm vụ, giải
    /// pháp"), then the closing parts. The obliged units are the plan's lead units.
    /// </summary>
    public async Task<SaveResult<TemplateInput>> DraftFromPlanAsync(int planId, int recipientUnitId, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
            return SaveResult<TemplateInput>.Fail("planId", "Không tìm thấy kế hoạch.");
        var nodes = await db.PlanNodes.AsNoTracking().Where(n => n.PlanId == planId).OrderBy(n => n.SortOrder).ThenBy(n => n.Id)
            .Select(n => new { n.Id, n.ParentId, n.Label, n.Path, n.Heading, n.Text, n.IsTask, n.ScheduleKind, n.ScheduleDay, n.ScheduleMonth }).ToListAsync(ct);
        var tasksSection = nodes.FirstOrDefault(n => n.ParentId is null && n.Label == "II") ?? nodes.FirstOrDefault(n => n.ParentId is null);
        var groups = tasksSection is null ? [] : nodes.Where(n => n.ParentId == tasksSection.Id).ToList();
        var sections = groups.Select(g => new SectionInput($"Kết quả thực hiện nhiệm vụ {g.Path}: {Title(g.Heading ?? g.Text)}",
                "Nêu các việc đã làm trong kỳ, kèm số, ký hiệu và ngày của văn bản làm minh chứng.", g.Id))
            .Concat(ClosingSections.Select(t => new SectionInput(t))).ToList();
        var leads = await db.Assignments.Where(a => a.PlanId == planId).Select(a => a.LeadUnitId).Distinct().ToListAsync(ct);
        // The plan's yearly reporting task (the seed's III.1: "định kỳ trước ngày 05/12 hàng năm") gives the due day.
        var reportTask = nodes.FirstOrDefault(n => n.IsTask && n.ScheduleKind == Plans.Rules.ScheduleKind.Yearly
            && (n.Heading ?? n.Text).Contains("báo cáo", StringComparison.OrdinalIgnoreCase));
        return SaveResult<TemplateInput>.Success(new TemplateInput(
            $"Báo cáo kết quả thực hiện {PlanText(plan)}", ReportKind.Periodic, ReportFrequency.Yearly,
            reportTask?.ScheduleDay ?? 5, reportTask?.ScheduleMonth ?? 12, recipientUnitId, leads, sections,
            PlanId: planId, TaskNodeId: reportTask?.Id));
    }

    /// <summary>"Kế hoạch số 77/KH-UBND", or for a plan without a number its title cut at a word near 120 characters.</summary>
    private static string PlanText(Plan plan)
    {
        if (plan.Symbol is { } s)
            return $"Kế hoạch số {s}";
        var title = plan.Title.Trim();
        var cut = title.Length <= 120 ? title.Length : title.LastIndexOf(' ', 120) is > 60 and var space ? space : 120;
        return "kế hoạch " + DocumentText.LowerFirst(title[..cut].TrimEnd(',', ';', ' ')) + (cut < title.Length ? "…" : "");
    }

    private static string Title(string text)
    {
        var t = text.Trim().TrimEnd('.', ':');
        return t.Length <= 200 ? t : t[..197] + "…";
    }

    private static bool SameContent(ReportTemplate t, TemplateInput input) =>
        t.Sections.OrderBy(s => s.SortOrder).Select(s => (s.Title, s.NodeId)).SequenceEqual(input.Sections.Select(s => (s.Title.Trim(), s.NodeId)))
        && t.Indicators.OrderBy(i => i.SortOrder).Select(i => (i.Code, i.Type, i.Aggregation))
            .SequenceEqual((input.Indicators ?? []).Select(i => (i.Code.Trim(), i.Type, i.Aggregation)));

    private async Task<SaveResult<ReportTemplate>> ApplyAsync(ReportTemplate t, TemplateInput input, CancellationToken ct)
    {
        // JSON may leave out the lists; they are then empty, and refused as such below, not a crash.
        input = input with { ObligedUnitIds = input.ObligedUnitIds ?? [], Sections = input.Sections ?? [] };
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Name))
            errors["name"] = ["Tên báo cáo không được để trống."];
        else if (input.Name.Trim().Length > 500)
            errors["name"] = ["Tên báo cáo dài tối đa 500 ký tự."];
        if (input.ObligedGroup?.Trim().Length > 500)
            errors["obligedGroup"] = ["Tên nhóm đơn vị dài tối đa 500 ký tự."];
        var month = input.DueMonth ?? 12;
        if (input.DueDay is < 1 or > 31 || input.DueMonth is < 1 or > 12 || input.DueDay > DateTime.DaysInMonth(2024, month))
            errors["dueDay"] = ["Hạn gửi báo cáo (ngày, tháng) không hợp lệ."];
        var cutOff = input.CutOff ?? CutOffRule.Decree09;
        if (cutOff.Validate() is { Count: > 0 } cutErrors)
            errors["cutOff"] = [.. cutErrors];
        if (!await db.Units.AnyAsync(u => u.Id == input.RecipientUnitId, ct))
            errors["recipientUnitId"] = ["Không tìm thấy cơ quan nhận báo cáo."];
        var obliged = input.ObligedUnitIds.Distinct().ToList();
        if (obliged.Count == 0)
            errors["obligedUnitIds"] = ["Cần chọn ít nhất một đơn vị phải báo cáo."];
        else if (await db.Units.CountAsync(u => obliged.Contains(u.Id), ct) != obliged.Count)
            errors["obligedUnitIds"] = ["Có đơn vị phải báo cáo không tồn tại."];
        if (input.Sections.Count == 0 || input.Sections.Any(s => string.IsNullOrWhiteSpace(s.Title)))
            errors["sections"] = ["Đề cương cần ít nhất một mục, và mục nào cũng cần tên."];
        else if (input.Sections.Any(s => s.Title.Trim().Length > 500 || s.Guidance?.Trim().Length > 4000))
            errors["sections"] = ["Tên mục dài tối đa 500 ký tự, hướng dẫn viết tối đa 4.000 ký tự."];
        var indicators = input.Indicators ?? [];
        if (indicators.Any(i => string.IsNullOrWhiteSpace(i.Code) || string.IsNullOrWhiteSpace(i.Name)))
            errors["indicators"] = ["Chỉ tiêu nào cũng cần mã và tên."];
        else if (indicators.GroupBy(i => i.Code.Trim(), StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
            errors["indicators"] = ["Mã chỉ tiêu bị trùng."];
        else if (indicators.Any(i => i.Code.Trim().Length > 40 || i.Name.Trim().Length > 500 || i.Measure?.Trim().Length > 60))
            errors["indicators"] = ["Mã chỉ tiêu dài tối đa 40 ký tự, tên tối đa 500, đơn vị tính tối đa 60."];
        else if (indicators.Any(i => !IndicatorRules.Storable(i.Min) || !IndicatorRules.Storable(i.Max)))
            errors["indicators"] = ["Giá trị nhỏ nhất, lớn nhất của chỉ tiêu có tối đa 14 chữ số phần nguyên và 4 chữ số sau dấu phẩy."];
        else if (indicators.Any(i => i.Min > i.Max))
            errors["indicators"] = ["Giá trị nhỏ nhất của chỉ tiêu lớn hơn giá trị lớn nhất."];
        if (errors.Count > 0)
            return SaveResult<ReportTemplate>.Fail(errors);

        (t.Name, t.Kind, t.Frequency, t.DueDay, t.DueMonth) = (input.Name.Trim(), input.Kind, input.Frequency, input.DueDay, input.DueMonth);
        (t.CutOffStartDay, t.CutOffEndDay) = (cutOff.StartDay, cutOff.EndDay);
        (t.RecipientUnitId, t.PlanId, t.TaskNodeId, t.ObligedGroup) = (input.RecipientUnitId, input.PlanId, input.TaskNodeId, input.ObligedGroup?.Trim());
        t.Obligations.RemoveAll(o => !obliged.Contains(o.UnitId));
        t.Obligations.AddRange(obliged.Where(id => t.Obligations.All(o => o.UnitId != id)).Select(id => new ReportObligation { UnitId = id }));
        var sections = input.Sections.ToList();
        var ordered = t.Sections.OrderBy(x => x.SortOrder).ToList();
        for (var i = 0; i < sections.Count; i++)
        {
            var s = i < ordered.Count ? ordered[i] : null;
            if (s is null)
                t.Sections.Add(s = new TemplateSection());
            (s.SortOrder, s.Title, s.Guidance, s.NodeId) = (i, sections[i].Title.Trim(), sections[i].Guidance?.Trim(), sections[i].NodeId);
        }
        foreach (var extra in ordered.Skip(sections.Count))
            t.Sections.Remove(extra);
        var existing = t.Indicators.ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
        t.Indicators.RemoveAll(i => indicators.All(x => !string.Equals(x.Code.Trim(), i.Code, StringComparison.OrdinalIgnoreCase)));
        for (var i = 0; i < indicators.Count; i++)
        {
            var x = indicators[i];
            if (!existing.TryGetValue(x.Code.Trim(), out var ind))
                t.Indicators.Add(ind = new TemplateIndicator());
            (ind.SortOrder, ind.Code, ind.Name, ind.Measure, ind.Type, ind.Aggregation) = (i, x.Code.Trim(), x.Name.Trim(), x.Measure?.Trim(), x.Type, x.Aggregation);
            (ind.Min, ind.Max, ind.Required) = (x.Min, x.Max, x.Required);
        }
        return SaveResult<ReportTemplate>.Success(t);
    }
}
