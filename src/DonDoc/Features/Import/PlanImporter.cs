namespace DonDoc.Features.Import;

/// <summary>The importer's answer: a plan to review, or why there is none (in Vietnamese).</summary>
public sealed record ImportOutcome(ImportedPlan? Plan, string? Error)
{
    public static ImportOutcome Fail(string error) => new(null, error);
}

/// <summary>
/// Reads a plan's text (pasted, from a .txt, or extracted from a .docx) into its metadata, tree, cited documents,
/// assignments, deadlines and task tables. Pure: no database, no clock, no network; it never throws on bad text.
/// </summary>
public static class PlanImporter
{
    private static readonly string[] ClosingOpeners =
        ["tren day la", "trong qua trinh", "qua trinh thuc hien", "yeu cau", "ke hoach nay thay the", "uy ban nhan dan tinh yeu cau", "ubnd tinh yeu cau"];

    public static ImportOutcome Parse(string text, IReadOnlyList<RegistryUnit> units) => Parse(text, new UnitMatcher(units));

    public static ImportOutcome Parse(string text, UnitMatcher matcher)
    {
        if (string.IsNullOrWhiteSpace(text))
            return ImportOutcome.Fail("Văn bản trống: không có nội dung để nhập.");
        if (LegacyEncoding.Detect(text) is { } legacy)
            return ImportOutcome.Fail(legacy);

        var warnings = new List<string>();
        var doubtfulJoins = new List<string>();
        var lines = PlanText.Lines(text);
        var parts = DocumentLayout.Split(lines);
        var first = parts[0];
        var header = first.Kind is null ? new DocumentHeader(null, null, null, null) : DocumentMetadata.ReadHeader(lines.Take(first.KindLine));
        var wrapped = first.Kind is "Quyết định" or "Nghị quyết" && parts.Count(p => !p.IsAppendix) > 1;
        var plan = wrapped ? parts.Last(p => !p.IsAppendix) : first;

        var references = new ReferenceFinder();
        var preamble = new List<string>();
        var tables = new List<TaskTables.Table>();
        List<DraftNode> roots = [];
        foreach (var part in parts.Where(p => !p.IsAppendix))
        {
            if (part.Title is { } title)
                references.Scan(title, "title");
            var partTables = TaskTables.Find(lines, part.BodyStart, part.BodyEnd);
            tables.AddRange(partTables);
            var body = BodyLines(lines, part.BodyStart, part.BodyEnd, partTables);
            var paragraphs = LineJoiner.Join(body);
            foreach (var doubtful in paragraphs.Where(p => p.Doubtful))
            {
                warnings.Add($"Đã nối hai dòng thành một đoạn, cần kiểm tra: “{Excerpt(doubtful.Text)}”.");
                doubtfulJoins.Add(doubtful.Text);
            }
            if (part == plan)
            {
                var (partRoots, partPreamble) = TreeBuilder.Build(paragraphs.Select(p => p.Text));
                roots = partRoots;
                preamble.AddRange(partPreamble);
            }
            else
                preamble.AddRange(paragraphs.Select(p => p.Text));
        }
        foreach (var part in parts.Where(p => p.IsAppendix))
        {
            if (part.Title is { } title)
                references.Scan(title, "PL" + (tables.Count + 1));
            tables.AddRange(TaskTables.Find(lines, part.BodyStart, part.End));
        }

        var closingText = TakeClosingParagraphs(roots);
        var closing = DocumentMetadata.ReadClosing(lines.Skip(first.BodyEnd).Take(first.End - first.BodyEnd).ToList());
        var planClosing = plan == first ? closing : DocumentMetadata.ReadClosing(lines.Skip(plan.BodyEnd).Take(plan.End - plan.BodyEnd).ToList());
        var footnotes = closing.Footnotes.Concat(planClosing == closing ? [] : planClosing.Footnotes).ToList();

        foreach (var p in preamble)
            references.Scan(p, "preamble");
        foreach (var node in TreeBuilder.Walk(roots))
        {
            foreach (var p in node.Paragraphs)
                references.Scan(p, node.Path);
        }
        foreach (var p in closingText)
            references.Scan(p, "closing");
        foreach (var (number, note) in footnotes)
            references.Scan(note, $"[{number}]");

        var (assignments, deadlines) = new AssignmentFinder(matcher).Find(roots);
        var tasks = ReadTasks(tables, matcher, references, assignments, deadlines);
        foreach (var name in assignments.SelectMany(a => a.Unmatched).Concat(tasks.SelectMany(t => t.Unmatched)).Distinct())
            warnings.Add($"Không tìm thấy đơn vị “{name}” trong danh mục đơn vị.");

        if (roots.Count == 0 && tasks.Count == 0)
            return ImportOutcome.Fail("Không nhận ra cấu trúc kế hoạch: văn bản không có mục đánh số (I., 1., a), -) hay bảng nhiệm vụ.");

        var document = new ImportedDocument(
            first.Kind, header.Symbol, header.Date, header.Place,
            header.Issuer ?? IssuerFromSignature(closing.SignatureLines.Count > 0 ? closing : planClosing),
            first.Title, plan.Kind, plan.Title, preamble, closingText,
            closing.Signer ?? planClosing.Signer, closing.Position ?? planClosing.Position,
            closing.SignatureLines.Count > 0 ? closing.SignatureLines : planClosing.SignatureLines,
            closing.Recipients.Count > 0 ? closing.Recipients : planClosing.Recipients);
        return new ImportOutcome(new ImportedPlan(document, roots.Select(ToNode).ToList(), references.Results(), assignments, deadlines, tasks, warnings, doubtfulJoins), null);
    }

    private static List<string> BodyLines(List<string> lines, int from, int to, List<TaskTables.Table> tables)
    {
        var body = new List<string>();
        for (var i = from; i < to; i++)
        {
            if (tables.FirstOrDefault(t => i >= t.FirstLine && i < t.EndLine) is { } table)
            {
                i = table.EndLine - 1;
                continue;
            }
            body.Add(lines[i]);
        }
        return PlanText.WithoutPageFurniture(body);
    }

    /// <summary>
    /// "Trên đây là Kế hoạch …", "Trong quá trình thực hiện …, ./.": the closing words after the last item are
    /// unlabelled paragraphs that would otherwise stick to that item.
    /// </summary>
    private static List<string> TakeClosingParagraphs(List<DraftNode> roots)
    {
        var taken = new List<string>();
        if (roots.Count == 0)
            return taken;
        var last = roots[^1];
        while (last.Children.Count > 0)
            last = last.Children[^1];
        while (last.Paragraphs.Count > 1)
        {
            var p = last.Paragraphs[^1];
            var key = VietnameseText.Key(p);
            var t = p.TrimEnd();
            var isEnd = taken.Count == 0 && (t.EndsWith("./.", StringComparison.Ordinal) || t.EndsWith("./", StringComparison.Ordinal));
            if (!isEnd && !ClosingOpeners.Any(o => key.StartsWith(o, StringComparison.Ordinal)))
                break;
            taken.Insert(0, p);
            last.Paragraphs.RemoveAt(last.Paragraphs.Count - 1);
        }
        return taken;
    }

    private static List<ImportedTask> ReadTasks(List<TaskTables.Table> tables, UnitMatcher matcher, ReferenceFinder references,
        List<ImportedAssignment> assignments, List<ImportedDeadline> deadlines)
    {
        var tasks = new List<ImportedTask>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var t = 0; t < tables.Count; t++)
        {
            var prefix = "PL" + (t + 1);
            foreach (var row in tables[t].Rows)
            {
                var path = prefix + (row.Group is null ? "" : "." + row.Group) + "." + row.Label.TrimEnd('.');
                // Rows after an elision ("…") may repeat a number of the group before them.
                for (var n = 2; !used.Add(path); n++)
                    path = path.Split('~')[0] + "~" + n;
                var cell = (TaskTables.Column c) => row.Cells.GetValueOrDefault(c);
                var text = cell(TaskTables.Column.Task) ?? "";
                references.Scan(text, path);
                var lead = cell(TaskTables.Column.Lead) is { } l ? ReadAll(matcher, l) : [];
                var support = cell(TaskTables.Column.Support) is { } s ? ReadAll(matcher, s) : [];
                var assignment = AssignmentFinder.ToAssignment(path, lead, support, []);
                if (assignment.Lead.Count + assignment.Support.Count + assignment.Groups.Count + assignment.Unmatched.Count > 0)
                    assignments.Add(assignment);
                var deadline = cell(TaskTables.Column.Deadline) is { } d ? DeadlineReader.Read(d, path, field: true).FirstOrDefault() : null;
                if (deadline is not null)
                    deadlines.Add(deadline);
                tasks.Add(new ImportedTask(path, row.Group, row.Label.TrimEnd('.'), text, cell(TaskTables.Column.Lead), cell(TaskTables.Column.Support),
                    cell(TaskTables.Column.Deadline), cell(TaskTables.Column.Product), assignment.Lead, assignment.Support,
                    assignment.Groups, assignment.Unmatched, deadline));
            }
        }
        return tasks;
    }

    /// <summary>All the unit lists of a cell, which may hold several separated by prose ("Sở Tài chính và cơ quan liên quan").</summary>
    private static List<UnitMention> ReadAll(UnitMatcher matcher, string cell)
    {
        var mentions = new List<UnitMention>();
        var p = 0;
        while (p < cell.Length)
        {
            var found = matcher.ReadList(cell, p, out var end);
            mentions.AddRange(found);
            var next = cell.IndexOfAny([';', ','], Math.Max(end, p));
            if (next < 0)
                break;
            p = next + 1;
        }
        return mentions;
    }

    private static string? IssuerFromSignature(DocumentClosing closing)
    {
        var line = closing.SignatureLines.FirstOrDefault(l => l.StartsWith("TM", StringComparison.Ordinal) || l.StartsWith("T/M", StringComparison.Ordinal));
        return line?[(line.IndexOf(' ') + 1)..].Trim();
    }

    private static ImportedNode ToNode(DraftNode node)
    {
        var first = node.Paragraphs[0].Trim();
        var isHeading = first.Length > 0 && (VietnameseText.IsUpper(first)
            || (node.Children.Count > 0 || node.Paragraphs.Count > 1) && !VietnameseText.EndsSentence(first) && first.Length <= 300);
        var heading = isHeading ? first.TrimEnd(':').Trim() : null;
        var text = string.Join("\n", isHeading ? node.Paragraphs.Skip(1) : node.Paragraphs);
        return new ImportedNode(node.Label.Text, node.Path, heading, text, node.Children.Select(ToNode).ToList());
    }

    private static string Excerpt(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
