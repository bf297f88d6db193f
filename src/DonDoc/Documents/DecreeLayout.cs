namespace DonDoc.Documents;

/// <summary>
/// The measures of Nghị định 30/2020/NĐ-CP, Phụ lục I (see docs/shared DOMAIN.md §2), in Word's units: twips
/// (1/20 pt, 1 mm ≈ 56.7) for lengths and half-points for font sizes. Where the decree gives a range, the
/// values are the ones the province's own documents use.
/// </summary>
public static class DecreeLayout
{
    /// <summary>
    /// The decree's font. Where it is absent (Debian has no Times New Roman), LibreOffice and fontconfig
    /// substitute Liberation Serif, which has the same metrics and every Vietnamese glyph, so lines break alike.
    /// </summary>
    public const string Font = "Times New Roman";

    public const int PageWidth = 11906;     // 210 mm
    public const int PageHeight = 16838;    // 297 mm
    public const int MarginTop = 1134;      // 20 mm (20–25)
    public const int MarginBottom = 1134;   // 20 mm (20–25)
    public const int MarginLeft = 1701;     // 30 mm (30–35)
    public const int MarginRight = 850;     // 15 mm (15–20)
    public const int HeaderDistance = 567;  // the page number sits 10 mm from the top edge, in the top margin

    public const int TextWidth = PageWidth - MarginLeft - MarginRight;
    public const int LandscapeTextWidth = PageHeight - MarginLeft - MarginRight;

    public const int FirstLineIndent = 720;   // 1.27 cm
    public const int ParagraphSpacing = 120;  // 6 pt between paragraphs (≥ 6 pt)
    public const int LineSpacing = 276;       // 1.15 lines, in 240ths of a line (single to 1.5)

    // Font sizes in half-points.
    public const int BodySize = 28;           // 14 pt (13–14)
    public const int NationalNameSize = 24;   // 12 pt (12–13): "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" fits its column
    public const int MottoSize = 26;          // 13 pt (13–14)
    public const int IssuerSize = 26;         // 13 pt (12–13)
    public const int NumberSize = 26;         // 13 pt
    public const int LetterSubjectSize = 26;  // 13 pt (12–13)
    public const int DistributionHeadingSize = 24; // 12 pt
    public const int DistributionSize = 22;   // 11 pt
    public const int TableSize = 26;          // 13 pt
    public const int PageNumberSize = 28;     // 14 pt (13–14)

    /// <summary>The header's left column (issuer, number) and right column (motto, place and date).</summary>
    public const int IssuerColumn = 3969;     // 70 mm
    public const int MottoColumn = TextWidth - IssuerColumn;

    /// <summary>"Nơi nhận:" on the left, the signature on the right, the way the decree's samples share the width.</summary>
    public const int DistributionColumn = 4536; // 80 mm
    public const int SignatureColumn = TextWidth - DistributionColumn;

    /// <summary>The space left for the handwritten signature and the seal between the position and the name.</summary>
    public const int SignatureSpace = 1680;   // 84 pt, about 3 cm

    public const string NationalName = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public const string Motto = "Độc lập - Tự do - Hạnh phúc";

    /// <summary>The rule under the motto is as long as the motto: its width at 13 pt bold.</summary>
    public const int MottoRuleWidth = 3402;   // 60 mm
}
