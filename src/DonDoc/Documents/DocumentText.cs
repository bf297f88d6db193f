using System.Globalization;
using System.Text;
using DonDoc.Calendar;
using DonDoc.Features.Import;

namespace DonDoc.Documents;

/// <summary>The wording the decree fixes: the number line, the date line, structure labels, upper case.</summary>
public static class DocumentText
{
    /// <summary>Blank space a clerk writes the number, day or month into by hand.</summary>
    public const string Blank = "      ";

    // The Vietnamese alphabet's letters that label points: no f, j, w, z; đ after d.
    private const string PointLetters = "abcdđeghiklmnopqrstuvxy";

    /// <summary>Composed Unicode (the form Word and the decree's TCVN 6909 expect), without control characters XML cannot hold.</summary>
    public static string Clean(string text)
    {
        var nfc = text.Normalize(NormalizationForm.FormC);
        if (!nfc.Any(c => char.IsControl(c) && c is not '\n' and not '\t'))
            return nfc;
        var sb = new StringBuilder(nfc.Length);
        foreach (var c in nfc)
        {
            if (!char.IsControl(c) || c is '\n' or '\t')
                sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>An addressee or recipient as the caller wrote it, without the punctuation the layout adds ("- …;", last "- ….").</summary>
    public static string Item(string text) => Clean(text).Trim().TrimEnd(';', '.', ',').TrimEnd();

    public static string Upper(string text) => Clean(text).ToUpper(VietnamTime.Culture);

    /// <summary>The first letter lower-cased, for a name used inside a sentence ("báo cáo kết quả …").</summary>
    public static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLower(text[0], VietnamTime.Culture) + text[1..];

    /// <summary>The first letter upper-cased, for a name that starts a title line.</summary>
    public static string UpperFirst(string text) => text.Length == 0 ? text : char.ToUpper(text[0], VietnamTime.Culture) + text[1..];

    /// <summary>The place of the date line from the province's name: "Ủy ban nhân dân tỉnh Nghệ An" → "Nghệ An".</summary>
    public static string PlaceOf(string province)
    {
        foreach (var prefix in ProvincePrefixes)
        {
            if (province.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                return province[prefix.Length..];
        }
        return province;
    }

    private static readonly string[] ProvincePrefixes = ["Ủy ban nhân dân tỉnh ", "Ủy ban nhân dân thành phố ", "UBND tỉnh ", "UBND thành phố "];

    /// <summary>"Số: 05/BC-UBND": numbers below 10 take a leading zero; a draft leaves the number blank.</summary>
    public static string NumberLine(DocumentNumber number) =>
        $"Số: {(number.Number is { } n ? n.ToString("00", CultureInfo.InvariantCulture) : Blank)}/{Clean(number.Symbol)}";

    /// <summary>"Nghệ An, ngày 05 tháng 01 năm 2026": days below 10 and months 1 and 2 take a leading zero.</summary>
    public static string DateLineText(DateLine line)
    {
        var day = line.Date is { } d ? d.Day.ToString("00", CultureInfo.InvariantCulture) : Blank;
        var month = line.Date is { } m ? m.Month.ToString(m.Month <= 2 ? "00" : "0", CultureInfo.InvariantCulture) : Blank;
        return $"{Clean(line.Place)}, ngày {day} tháng {month} năm {line.Year.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>The label of the <paramref name="ordinal"/>-th (from 1) heading of a level: "II.", "3.", "đ)".</summary>
    public static string HeadingLabel(int level, int ordinal) => level switch
    {
        1 => Labels.ToRoman(ordinal) + ".",
        2 => ordinal.ToString(CultureInfo.InvariantCulture) + ".",
        _ => new string(PointLetters[(ordinal - 1) % PointLetters.Length], (ordinal - 1) / PointLetters.Length + 1) + ")",
    };

    /// <summary>"Phụ lục" alone, or "Phụ lục II" when a document has several.</summary>
    public static string AppendixLabel(int ordinal, int count) => count > 1 ? "Phụ lục " + Labels.ToRoman(ordinal) : "Phụ lục";
}
