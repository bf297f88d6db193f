using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DonDoc.Features.Import;

/// <summary>
/// The text of a .docx as the importer reads text: one line per paragraph, Word's automatic numbering written
/// out as the label it shows ("II.", "3.", "a)", "-"), and each table row as its cells separated by tabs.
/// </summary>
public static class DocxText
{
    public static string Extract(Stream stream)
    {
        using var document = WordprocessingDocument.Open(stream, false);
        var body = document.MainDocumentPart?.Document?.Body;
        if (body is null)
            return "";
        var numbering = new Numbering(document.MainDocumentPart!.NumberingDefinitionsPart?.Numbering,
            document.MainDocumentPart.StyleDefinitionsPart?.Styles);
        var sb = new StringBuilder();
        foreach (var element in body.ChildElements)
        {
            switch (element)
            {
                case Paragraph p:
                    sb.Append(numbering.LabelOf(p)).AppendLine(TextOf(p));
                    break;
                case Table t:
                    foreach (var row in t.Elements<TableRow>())
                    {
                        var cells = row.Elements<TableCell>().Select(c =>
                            string.Join(" ", c.Elements<Paragraph>().Select(p => (numbering.LabelOf(p) + TextOf(p)).Trim()).Where(s => s.Length > 0)));
                        sb.AppendLine(string.Join("\t", cells.Select(c => c.Replace('\t', ' '))));
                    }
                    sb.AppendLine();
                    break;
            }
        }
        return sb.ToString();
    }

    private static string TextOf(Paragraph p)
    {
        var sb = new StringBuilder();
        foreach (var node in p.Descendants())
        {
            switch (node)
            {
                case Text t:
                    sb.Append(t.Text);
                    break;
                case TabChar:
                    sb.Append(' ');
                    break;
                case Break or CarriageReturn:
                    sb.Append(' ');
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Counts Word's list levels to render "%1.%2." style labels for decimal, letter, Roman and bullet lists.</summary>
    private sealed class Numbering(DocumentFormat.OpenXml.Wordprocessing.Numbering? numbering, Styles? styles)
    {
        private readonly Dictionary<(int Num, int Level), int> _counters = [];

        public string LabelOf(Paragraph p)
        {
            var numPr = p.ParagraphProperties?.NumberingProperties ?? StyleNumbering(p.ParagraphProperties?.ParagraphStyleId?.Val?.Value);
            if (numPr?.NumberingId?.Val?.Value is not int numId || numId == 0 || numbering is null)
                return "";
            var level = numPr.NumberingLevelReference?.Val?.Value ?? 0;
            var instance = numbering.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numId);
            var abstractId = instance?.AbstractNumId?.Val?.Value;
            var abstractNum = numbering.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId);
            var levels = abstractNum?.Elements<Level>().ToList() ?? [];
            var definition = levels.FirstOrDefault(l => l.LevelIndex?.Value == level);
            if (definition is null)
                return "";
            var key = (numId, level);
            _counters[key] = _counters.GetValueOrDefault(key, (definition.StartNumberingValue?.Val?.Value ?? 1) - 1) + 1;
            foreach (var deeper in _counters.Keys.Where(k => k.Num == numId && k.Level > level).ToList())
                _counters.Remove(deeper);
            var format = definition.NumberingFormat?.Val?.Value;
            if (format == NumberFormatValues.Bullet)
                return "- ";
            var text = definition.LevelText?.Val?.Value ?? "%1.";
            for (var l = 0; l <= level; l++)
            {
                var levelFormat = levels.FirstOrDefault(x => x.LevelIndex?.Value == l)?.NumberingFormat?.Val?.Value;
                var value = _counters.GetValueOrDefault((numId, l), 1);
                text = text.Replace("%" + (l + 1), Render(value, levelFormat));
            }
            return text + " ";
        }

        private NumberingProperties? StyleNumbering(string? styleId) =>
            styleId is null ? null : styles?.Elements<Style>().FirstOrDefault(s => s.StyleId?.Value == styleId)?.StyleParagraphProperties?.NumberingProperties;

        private static string Render(int value, NumberFormatValues? format)
        {
            // Word's letters are the Latin alphabet (no đ), as the reader of the document sees them.
            if (format == NumberFormatValues.LowerLetter)
                return ((char)('a' + (value - 1) % 26)).ToString();
            if (format == NumberFormatValues.UpperLetter)
                return ((char)('A' + (value - 1) % 26)).ToString();
            if (format == NumberFormatValues.UpperRoman)
                return Labels.ToRoman(value);
            if (format == NumberFormatValues.LowerRoman)
                return Labels.ToRoman(value).ToLowerInvariant();
            return value.ToString(VietnameseText.Culture);
        }
    }
}
