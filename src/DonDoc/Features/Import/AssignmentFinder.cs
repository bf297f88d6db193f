using System.Text.RegularExpressions;

namespace DonDoc.Features.Import;

/// <summary>
/// Who leads, who coordinates and who is only asked, wherever plans say it: an agency heading over its duties
/// ("1. Công an tỉnh" then bullets), a sentence's subject ("Sở Tư pháp chủ trì, phối hợp với …"), "Giao …",
/// "Đề nghị …", and labelled lines under a task ("Cơ quan chủ trì: …", "Đơn vị phối hợp: …") whose task is
/// the nearest item above that is not itself such a line. Deadlines are read from the same places.
/// </summary>
public sealed partial class AssignmentFinder(UnitMatcher matcher)
{
    [GeneratedRegex(@"^(?:Cơ quan|Đơn vị|Chủ trì)\s*(?<role>chủ trì|thực hiện|phối hợp)?(?:\s*,\s*(?<role2>phối hợp|thực hiện))?(?:\s*:\s*|\s*$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AssignmentLabelRegex();

    [GeneratedRegex(@"^(?:Thời gian|Thời hạn|Tiến độ)(?:\s+(?:thực hiện|hoàn thành|báo cáo))?\s*:?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DeadlineLabelRegex();

    [GeneratedRegex(@"^(?:chủ trì|phối hợp|có trách nhiệm|chịu trách nhiệm|tham mưu|chỉ đạo|thực hiện|triển khai|tổ chức|căn cứ|nghiên cứu|bố trí|hướng dẫn|theo dõi|xây dựng|kiểm tra|đôn đốc|giúp|là cơ quan|tiếp tục|tăng cường|đẩy mạnh|thường xuyên|khẩn trương|tham gia|quản lý|đề xuất|tổng hợp|báo cáo|làm|đảm bảo|bảo đảm|rà soát|phản ánh|ban hành|cập nhật|lập|hỗ trợ|chủ động|tích cực|nghiêm túc|định kỳ|trên cơ sở|trong phạm vi|theo chức năng)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PredicateRegex();

    [GeneratedRegex(@"phối hợp(?: chặt chẽ)? với\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CoordinateWithRegex();

    [GeneratedRegex(@"(?:^|[\s(])[Gg]iao\s+")]
    private static partial Regex GiveRegex();

    [GeneratedRegex(@"^Đề nghị\s*:?\s*")]
    private static partial Regex RequestRegex();

    private sealed class Draft
    {
        public List<UnitMention> Lead { get; } = [];
        public List<UnitMention> Support { get; } = [];
        public List<UnitMention> Requested { get; } = [];
    }

    public (List<ImportedAssignment> Assignments, List<ImportedDeadline> Deadlines) Find(IReadOnlyList<DraftNode> roots)
    {
        var drafts = new Dictionary<DraftNode, Draft>();
        var deadlines = new List<(DraftNode Node, ImportedDeadline Deadline)>();
        var order = TreeBuilder.Walk(roots).ToList();
        var consumed = new HashSet<DraftNode>();

        Draft DraftOf(DraftNode node) => drafts.TryGetValue(node, out var d) ? d : drafts[node] = new Draft();

        foreach (var node in order)
        {
            if (consumed.Contains(node))
                continue;
            for (var i = 0; i < node.Paragraphs.Count; i++)
            {
                var paragraph = node.Paragraphs[i];
                var target = i == 0 ? TaskOf(node) : node;
                if (AssignmentLabelRegex().Match(paragraph) is { Success: true } label)
                {
                    var roles = RolesOf(label);
                    var rest = paragraph[label.Length..];
                    var mentions = matcher.ReadList(rest, 0, out _);
                    if (i == 0 && mentions.Count == 0)
                    {
                        // "Cơ quan chủ trì" over a list of units; labelled children ("a) Cơ quan chủ trì") speak for themselves.
                        foreach (var child in node.Children.Where(c => !AssignmentLabelRegex().IsMatch(c.Paragraphs[0])))
                        {
                            foreach (var listed in TreeBuilder.Walk([child]))
                            {
                                consumed.Add(listed);
                                mentions.AddRange(matcher.ReadList(listed.Paragraphs[0], 0, out _));
                            }
                        }
                    }
                    foreach (var role in roles)
                        (role == AssignmentRole.Lead ? DraftOf(target).Lead : DraftOf(target).Support).AddRange(mentions);
                    continue;
                }
                if (DeadlineLabelRegex().Match(paragraph) is { Success: true, Length: > 8 } deadlineLabel)
                {
                    foreach (var d in DeadlineReader.Read(paragraph[deadlineLabel.Length..], target.Path, field: true))
                        deadlines.Add((target, d with { Path = target.Path }));
                    continue;
                }
                foreach (var d in DeadlineReader.ReadProse(paragraph, node.Path))
                    deadlines.Add((node, d));
                ReadSentence(paragraph, node, i == 0, DraftOf);
            }
        }

        var assignments = new List<ImportedAssignment>();
        foreach (var node in order)
        {
            if (!drafts.TryGetValue(node, out var d))
                continue;
            var lead = d.Lead.Count == 0 && (d.Support.Count > 0) ? InheritedLead(node, drafts) : d.Lead;
            var assignment = ToAssignment(node.Path, lead, d.Support, d.Requested);
            if (assignment.Lead.Count + assignment.Support.Count + assignment.Requested.Count + assignment.Groups.Count + assignment.Unmatched.Count > 0)
                assignments.Add(assignment);
        }
        return (assignments, deadlines.Select(d => d.Deadline).Distinct().ToList());
    }

    /// <summary>Units that open the paragraph and do something ("Sở Tư pháp chủ trì, phối hợp với …").</summary>
    private void ReadSentence(string paragraph, DraftNode node, bool own, Func<DraftNode, Draft> draftOf)
    {
        var request = RequestRegex().Match(paragraph);
        var start = request.Success ? request.Length : 0;
        var subject = matcher.ReadList(paragraph, start, out var end);
        if (subject.Count > 0)
        {
            var rest = paragraph[end..].TrimStart();
            // An agency heading ("1. Công an tỉnh", "Sở Nội vụ:") or a subject followed by what it does.
            var isHeading = own && (node.Children.Count > 0 || node.Paragraphs.Count > 1) && rest.Length < 40 && !VietnameseText.EndsSentence(rest);
            // "Đề nghị X …" asks X whatever follows; other subjects must be doing something.
            var acts = request.Success || (rest.Length == 0 ? own : rest[0] is ':' or '(' || PredicateRegex().IsMatch(rest) || isHeading);
            if (acts)
            {
                if (request.Success)
                    draftOf(node).Requested.AddRange(subject);
                else
                    draftOf(node).Lead.AddRange(subject);
            }
        }
        foreach (Match give in GiveRegex().Matches(paragraph))
            draftOf(node).Lead.AddRange(matcher.ReadList(paragraph, give.Index + give.Length, out _));
        var support = matcher.ReadAfter(paragraph, CoordinateWithRegex());
        if (support.Count > 0)
            draftOf(node).Support.AddRange(support);
    }

    private static List<AssignmentRole> RolesOf(Match label)
    {
        var roles = new List<AssignmentRole>();
        foreach (var group in new[] { label.Groups["role"], label.Groups["role2"] })
        {
            if (group.Success)
                roles.Add(VietnameseText.Key(group.Value) == "phoi hop" ? AssignmentRole.Support : AssignmentRole.Lead);
        }
        if (roles.Count == 0)
            roles.Add(AssignmentRole.Lead); // "Chủ trì thực hiện"
        return roles;
    }

    /// <summary>The task a labelled line belongs to: the nearest item above that is not a labelled line itself.</summary>
    private static DraftNode TaskOf(DraftNode node)
    {
        if (!IsFieldLine(node.Paragraphs[0]))
            return node;
        var task = node.Parent;
        while (task is not null && IsFieldLine(task.Paragraphs[0]))
            task = task.Parent;
        return task ?? node;
    }

    private static bool IsFieldLine(string paragraph) =>
        AssignmentLabelRegex().IsMatch(paragraph) || DeadlineLabelRegex().Match(paragraph) is { Success: true, Length: > 8 };

    private static List<UnitMention> InheritedLead(DraftNode node, Dictionary<DraftNode, Draft> drafts)
    {
        for (var p = node.Parent; p is not null; p = p.Parent)
        {
            if (drafts.TryGetValue(p, out var d) && d.Lead.Count > 0)
                return d.Lead;
        }
        return [];
    }

    public static ImportedAssignment ToAssignment(string path, IEnumerable<UnitMention> lead, IEnumerable<UnitMention> support, IEnumerable<UnitMention> requested)
    {
        var groups = new List<ImportedGroup>();
        var unmatched = new List<string>();
        List<string> Names(IEnumerable<UnitMention> mentions, AssignmentRole role)
        {
            var names = new List<string>();
            foreach (var m in mentions)
            {
                if (m.Unit is not null)
                    names.Add(m.Unit.Name);
                else if (m.Group is { } kind)
                {
                    if (!groups.Any(g => g.Role == role && g.Kind == kind))
                        groups.Add(new ImportedGroup(role, kind, m.Text));
                }
                else
                {
                    unmatched.Add(m.Text);
                    if (role == AssignmentRole.Requested)
                        names.Add(m.Text);
                }
            }
            return names.Distinct().ToList();
        }
        var leadNames = Names(lead, AssignmentRole.Lead);
        var supportNames = Names(support, AssignmentRole.Support).Except(leadNames).ToList();
        var requestedNames = Names(requested, AssignmentRole.Requested);
        return new ImportedAssignment(path, leadNames, supportNames, requestedNames, groups, unmatched.Distinct().ToList());
    }
}
