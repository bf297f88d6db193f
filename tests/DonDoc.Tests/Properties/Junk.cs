using System.Net;
using System.Text;
using System.Text.Json;
using CsCheck;

namespace DonDoc.Tests.Properties;

/// <summary>
/// Hostile input shared by the property tests (query and path syntax, broken Unicode, very long text) and the
/// one rule every answer to it keeps: never a 5xx, and a refusal says why in Vietnamese.
/// </summary>
internal static class Junk
{
    /// <summary>Real requests are slow next to pure calls: a few dozen per property keep the folder under a minute.</summary>
    public const int Requests = 30;

    /// <summary>Pure calls: enough cases to reach the odd corners in milliseconds.</summary>
    public const int Cases = 2_000;

    private static readonly string[] Pieces =
    [
        "\"", "*", "'", ";", "--", "NEAR", "NEAR(", "AND", "OR", "NOT", "^", ":", "(", ")", "%", "_", "\\", "\0", "{", "}", "[", "]",
        "-", "+", ",", ".", "..", "/", "../", "..\\", "'; DROP TABLE \"Units\"; --", "\" OR 1=1 --", "<script>", "&amp;", "\r\n", "\t", " ",
        "đ", "Đảng", "tố cáo", "Sở Tư pháp", "1.234,5", "93.5", "05/12", "31/02/2026", "2026-13-45", "1e400", "-0", "٣", "１２",
        "\u0301", "\uFEFF", "\u200B", "\u202E", "😀", "\uD800", "\uDFFF", "\uFFFE", "\uFFFF",
    ];

    /// <summary>Any UTF-16 unit, lone surrogates and NUL included.</summary>
    public static readonly Gen<char> AnyChar = Gen.Char[char.MinValue, char.MaxValue];

    /// <summary>Runs of syntax pieces and stray characters, now and then very long.</summary>
    public static readonly Gen<string> Text = Gen.Frequency(
        (8, Gen.Frequency((3, Gen.OneOf(Pieces)), (1, AnyChar.Select(c => c.ToString()))).List[0, 30].Select(string.Concat)),
        (1, Gen.Int[1_000, 20_000].Select(n => new string('đ', n))),
        (1, Gen.OneOf(Pieces).Select(Gen.Int[500, 5_000], (p, n) => string.Concat(Enumerable.Repeat(p, n)))));

    /// <summary>A JSON string literal with every character outside printable ASCII escaped, so a lone surrogate survives as "\\uD800".</summary>
    public static string JsonString(string text)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in text)
            sb.Append(c is < ' ' or > '~' or '"' or '\\' ? $"\\u{(int)c:X4}" : c.ToString());
        return sb.Append('"').ToString();
    }

    /// <summary>
    /// Percent-encoded UTF-8 for a query string; a lone surrogate is written as the three bytes UTF-8 would give it,
    /// which no decoder accepts: what a broken client really sends.
    /// </summary>
    public static string UrlEncoded(string text)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var pair = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            var c = text[i];
            byte[] bytes = char.IsSurrogate(c) && !pair
                ? [(byte)(0xE0 | c >> 12), (byte)(0x80 | c >> 6 & 0x3F), (byte)(0x80 | c & 0x3F)]
                : Encoding.UTF8.GetBytes(text.Substring(i, pair ? 2 : 1));
            if (pair)
                i++;
            foreach (var b in bytes)
                sb.Append(char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~' ? ((char)b).ToString() : $"%{b:X2}");
        }
        return sb.ToString();
    }

    /// <summary>Without what XML 1.0 cannot hold (control characters, lone surrogates): what Word and Excel can write.</summary>
    public static string XmlSafe(string text) =>
        new(text.Where(c => c is '\t' or '\n' or '\r' || !char.IsControl(c) && !char.IsSurrogate(c) && c is not ('\uFFFE' or '\uFFFF')).ToArray());

    /// <summary>The file as it was (<paramref name="damage"/> 0), cut short (1), or with one byte flipped.</summary>
    public static byte[] Damaged(byte[] bytes, int damage, int at) => damage switch
    {
        0 => bytes,
        1 => bytes[..(at % bytes.Length)],
        _ => [.. bytes[..(at % bytes.Length)], (byte)(bytes[at % bytes.Length] ^ 0x5A), .. bytes[(at % bytes.Length + 1)..]],
    };

    public static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(text[i]))
                return true;
        }
        return false;
    }

    /// <summary>Control characters written as escapes, long input cut, so a failure's message can be read.</summary>
    public static string Shown(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text.Length > 200 ? text[..200] : text)
            sb.Append(char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString());
        return text.Length > 200 ? $"{sb}… ({text.Length} characters)" : sb.ToString();
    }

    /// <summary>
    /// Checks the answer to <paramref name="sent"/>: a 2xx, or a 4xx whose problem details speak Vietnamese; never a 5xx.
    /// </summary>
    /// <returns>Whether the request was taken (2xx).</returns>
    public static async Task<bool> AnsweredAsync(HttpResponseMessage response, string sent)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var status = (int)response.StatusCode;
        Assert.True(status < 500, $"{status} for {Shown(sent)}: {Shown(body)}");
        if (status < 300)
            return true;
        Assert.True(status is >= 400 and < 500 && response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden),
            $"{status} for {Shown(sent)}");
        Assert.True(Messages(body).Any(IsVietnamese), $"{status} without a Vietnamese message for {Shown(sent)}: {Shown(body)}");
        return false;
    }

    private const string VietnameseLetters = "àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ";

    private static bool IsVietnamese(string text) => text.ToLowerInvariant().Any(VietnameseLetters.Contains);

    /// <summary>The strings of a problem-details body (title, detail, errors); the body itself when it is not JSON.</summary>
    private static IEnumerable<string> Messages(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return Strings(doc.RootElement).ToList();
        }
        catch (JsonException)
        {
            return [body];
        }

        static IEnumerable<string> Strings(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.String => [e.GetString()!],
            JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings),
            JsonValueKind.Object => e.EnumerateObject().Where(p => p.Name is not ("type" or "traceId")).SelectMany(p => Strings(p.Value)),
            _ => [],
        };
    }
}
