namespace DonDoc.Documents;

/// <summary>One piece of a document's body or of an appendix, written in order.</summary>
public abstract record Block;

/// <summary>
/// A heading numbered by the writer as the decree's structure numbers it: level 1 "I.", level 2 "1.", level 3
/// "a)" (Vietnamese alphabet). A heading restarts the numbering of the levels below it.
/// </summary>
public sealed record Heading(int Level, string Text) : Block
{
    public const int MaxLevel = 3;

    public int Level { get; } = Level is >= 1 and <= MaxLevel
        ? Level
        : throw new ArgumentOutOfRangeException(nameof(Level), Level, $"A heading level is 1 to {MaxLevel}.");
}

/// <summary>A justified body paragraph with a first-line indent; runs may be bold or italic.</summary>
public sealed record Paragraph(IReadOnlyList<Inline> Runs) : Block
{
    public Paragraph(string text) : this([new Inline(text)])
    {
    }
}

public sealed record Inline(string Text, bool Bold = false, bool Italic = false);

/// <summary>A "- …" item, the dash the decree's documents use instead of bullets.</summary>
public sealed record Bullet(string Text) : Block;

/// <summary>
/// A bordered table as wide as the text, its header row repeated on every page it runs over, its rows never
/// split across pages; an optional bold closing row ("Tổng cộng"). Rows are enumerated once.
/// </summary>
public sealed record Table(IReadOnlyList<Column> Columns, IEnumerable<IReadOnlyList<string>> Rows) : Block
{
    public IReadOnlyList<string>? Total { get; init; }
}

/// <summary>A table column: its header, its share of the table's width, and how its cells align.</summary>
public sealed record Column(string Header, int Weight = 1, CellAlign Align = CellAlign.Left);

public enum CellAlign { Left, Center, Right }
