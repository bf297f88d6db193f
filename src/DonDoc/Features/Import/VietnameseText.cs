using System.Globalization;
using System.Text;

namespace DonDoc.Features.Import;

/// <summary>Comparisons of Vietnamese text that ignore case, diacritics and the "oà/òa" tone-placement variants.</summary>
public static class VietnameseText
{
    /// <summary>
    /// One character per character (so positions in the folded text are positions in the original): the base
    /// letter, lower-cased, đ as d. "Ủy ban" and "Uỷ ban" and "UY BAN" all fold to "uy ban".
    /// </summary>
    public static string Fold(string text)
    {
        var chars = new char[text.Length];
        for (var i = 0; i < text.Length; i++)
            chars[i] = FoldChar(text[i]);
        return new string(chars);
    }

    public static char FoldChar(char c) => c < FoldTable.Length ? FoldTable[c] : char.ToLowerInvariant(c);

    // Vietnamese letters all lie below U+2000; a table keeps folding cheap on 200-page plans.
    private static readonly char[] FoldTable = BuildFoldTable();

    private static char[] BuildFoldTable()
    {
        var table = new char[0x2000];
        for (var i = 0; i < table.Length; i++)
        {
            var c = (char)i;
            table[i] = c switch
            {
                < (char)128 => char.ToLowerInvariant(c),
                'đ' or 'Đ' => 'd',
                '\u00A0' => ' ',
                _ when char.IsSurrogate(c) => c,
                _ => char.ToLowerInvariant(c.ToString().Normalize(NormalizationForm.FormD)[0]),
            };
        }
        return table;
    }

    /// <summary>Folded, with runs of spaces made one and the ends trimmed: the key of a name.</summary>
    public static string Key(string text)
    {
        var folded = Fold(text.Trim());
        var sb = new StringBuilder(folded.Length);
        var space = false;
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space && sb.Length > 0)
                sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString().TrimEnd('.', ',', ';', ':');
    }

    /// <summary>True when the text has letters and none of them is lower-case (a heading "MỤC ĐÍCH, YÊU CẦU").</summary>
    public static bool IsUpper(string text)
    {
        var letters = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c))
                continue;
            if (char.IsLower(c))
                return false;
            letters++;
        }
        return letters >= 2;
    }

    public static bool StartsLower(string text) => text.Length > 0 && char.IsLower(text[0]);

    /// <summary>Ends a sentence: ".", "!", "?", "…", "./.", or a closing quote or bracket after one.</summary>
    public static bool EndsSentence(string text)
    {
        var t = text.TrimEnd();
        while (t.Length > 0 && t[^1] is '"' or '”' or '’' or ')' or ']')
            t = t[..^1].TrimEnd();
        return t.Length > 0 && t[^1] is '.' or '!' or '?' or '…' or '/';
    }

    public static string CollapseSpaces(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (c is ' ' or '\u00A0')
            {
                space = true;
                continue;
            }
            if (space && sb.Length > 0)
                sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>
    /// The text in one Unicode form (NFC). Normalize refuses a lone surrogate half (a cut-off copy can carry one) and
    /// U+FFFE: such a text has each of them replaced by U+FFFD first.
    /// </summary>
    public static string Composed(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            var chars = text.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
                    i++;
                else if (char.IsSurrogate(chars[i]) || chars[i] == '\uFFFE')
                    chars[i] = '\uFFFD';
            }
            return new string(chars).Normalize(NormalizationForm.FormC);
        }
    }

    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");
}
