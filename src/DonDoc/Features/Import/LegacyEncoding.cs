namespace DonDoc.Features.Import;

/// <summary>
/// Recognises text typed in the legacy Vietnamese encodings (TCVN3/ABC, VNI) and shown as Latin-1 mojibake:
/// "Céng hoµ x· héi" (TCVN3) or "Coäng hoøa xaõ hoäi" (VNI). Such text cannot be read correctly without the
/// original font, so the importer says so instead of importing garbage.
/// </summary>
public static class LegacyEncoding
{
    // Latin-1 characters no Vietnamese word contains, but TCVN3 and VNI text read as Latin-1 is full of.
    private const string Foreign = "¡¢£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿ÄÅÆÇËÎÏÑÖ×ØÛÜÞßäåæçëîïñö÷øûüþÿ";

    public const string Message =
        "Văn bản dùng bảng mã tiếng Việt cũ (TCVN3/ABC hoặc VNI) nên hiển thị sai dấu. " +
        "Hãy chuyển sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey) rồi nhập lại.";

    /// <summary>The Vietnamese message when the text looks like legacy-encoded Vietnamese, else null.</summary>
    public static string? Detect(string text)
    {
        int foreign = 0, vietnamese = 0;
        foreach (var c in text)
        {
            if (Foreign.Contains(c))
                foreign++;
            else if (c is >= '\u1EA0' and <= '\u1EF9' or 'ă' or 'Ă' or 'đ' or 'Đ' or 'ơ' or 'Ơ' or 'ư' or 'Ư')
                vietnamese++;
        }
        return foreign >= 5 && foreign > vietnamese ? Message : null;
    }
}
