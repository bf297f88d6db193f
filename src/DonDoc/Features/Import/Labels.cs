using System.Text.RegularExpressions;

namespace DonDoc.Features.Import;

public enum LabelScheme { Part, Roman, Article, Decimal, Dotted, Letter, Bullet }

/// <summary>
/// A paragraph's own label: "II.", "3.", "2.1.", "đ)", "a.", "A.", "Điều 1.", a bullet.
/// <see cref="Ordinal"/> orders ordered labels (Roman value, letter position with đ after d); bullets have none.
/// </summary>
public sealed record Label(LabelScheme Scheme, string Text, int Ordinal, int Depth, int Length)
{
    /// <summary>Two labels of the same key are siblings: bullets differ by symbol, dotted numbers by depth.</summary>
    public string Key => Scheme switch
    {
        LabelScheme.Bullet => "bullet" + Text,
        LabelScheme.Dotted => "dotted" + Depth,
        _ => Scheme.ToString(),
    };

    public bool IsOrdered => Scheme != LabelScheme.Bullet;
}

public static partial class Labels
{
    // Word's and typists' alphabets: Latin order with đ after d; Vietnamese skips f, j, w, z, which then just never occur.
    private const string Letters = "abcdđefghijklmnopqrstuvwxyz";

    // Numbers are [0-9], not \d: \d also takes other scripts' digits ("٣"), which int.Parse refuses.
    [GeneratedRegex(@"^Điều\s+([0-9]{1,3})\s*[.:]\s*")]
    private static partial Regex ArticleRegex();

    [GeneratedRegex(@"^([IVXL]{1,6})\s*[.\t]\s*")]
    private static partial Regex RomanRegex();

    [GeneratedRegex(@"^([A-H])\.\s+")]
    private static partial Regex PartRegex();

    [GeneratedRegex(@"^([0-9]{1,2}(?:\.[0-9]{1,2}){1,3})(?:\.|(?=\s))\s*")]
    private static partial Regex DottedRegex();

    [GeneratedRegex(@"^([0-9]{1,3})(?:[.)](?:\s+|$)|\t\s*)")]
    private static partial Regex DecimalRegex();

    [GeneratedRegex(@"^([a-zđ])(?:\)|\.(?=\s))\s*")]
    private static partial Regex LetterRegex();

    [GeneratedRegex(@"^([-+•*–—·▪●◦○])(?:\s+|(?=[A-ZĐÀ-Ỹ]))")]
    private static partial Regex BulletRegex();

    /// <summary>Every reading of the paragraph's start as a label, likeliest first ("C." is Roman 100 or part C).</summary>
    public static IReadOnlyList<Label> Candidates(string paragraph)
    {
        var found = new List<Label>(2);
        if (paragraph.Length == 0)
            return found;
        var c = paragraph[0];
        if (c == 'Đ' && ArticleRegex().Match(paragraph) is { Success: true } article)
            found.Add(new(LabelScheme.Article, article.Groups[1].Value, int.Parse(article.Groups[1].Value), 0, article.Length));
        if (c is 'I' or 'V' or 'X' or 'L' && RomanRegex().Match(paragraph) is { Success: true } roman
            && RomanValue(roman.Groups[1].Value) is > 0 and var value)
            found.Add(new(LabelScheme.Roman, roman.Groups[1].Value, value, 0, roman.Length));
        if (c is >= 'A' and <= 'H' && PartRegex().Match(paragraph) is { Success: true } part
            && VietnameseText.IsUpper(FirstWords(paragraph[part.Length..])))
            found.Add(new(LabelScheme.Part, part.Groups[1].Value, part.Groups[1].Value[0] - 'A' + 1, 0, part.Length));
        if (char.IsAsciiDigit(c))
        {
            if (DottedRegex().Match(paragraph) is { Success: true } dotted)
            {
                var parts = dotted.Groups[1].Value.Split('.');
                found.Add(new(LabelScheme.Dotted, dotted.Groups[1].Value, int.Parse(parts[^1]), parts.Length, dotted.Length));
            }
            else if (DecimalRegex().Match(paragraph) is { Success: true } number)
                found.Add(new(LabelScheme.Decimal, number.Groups[1].Value, int.Parse(number.Groups[1].Value), 0, number.Length));
        }
        if (c is >= 'a' and <= 'z' or 'đ' && LetterRegex().Match(paragraph) is { Success: true } letter)
            found.Add(new(LabelScheme.Letter, letter.Groups[1].Value, Letters.IndexOf(letter.Groups[1].Value[0]) + 1, 0, letter.Length));
        if (!char.IsLetterOrDigit(c) && BulletRegex().Match(paragraph) is { Success: true } bullet)
            found.Add(new(LabelScheme.Bullet, bullet.Groups[1].Value, 0, 0, bullet.Length));
        return found;
    }

    /// <summary>True when the text begins with something that reads as a label (used to stop joining lines).</summary>
    public static bool StartsWithLabel(string text) => Candidates(text).Count > 0;

    public static int RomanValue(string roman)
    {
        var total = 0;
        for (var i = 0; i < roman.Length; i++)
        {
            var v = Digit(roman[i]);
            var next = i + 1 < roman.Length ? Digit(roman[i + 1]) : 0;
            total += v < next ? -v : v;
        }
        return ToRoman(total) == roman ? total : 0;

        static int Digit(char c) => c switch { 'I' => 1, 'V' => 5, 'X' => 10, 'L' => 50, 'C' => 100, _ => 0 };
    }

    public static string ToRoman(int value)
    {
        (int, string)[] table = [(50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
        var sb = new System.Text.StringBuilder();
        foreach (var (v, s) in table)
        {
            while (value >= v)
            {
                sb.Append(s);
                value -= v;
            }
        }
        return sb.ToString();
    }

    private static string FirstWords(string text) => text.Length > 30 ? text[..30] : text;
}
