namespace DonDoc.Documents;

/// <summary>
/// An administrative document in the parts of Nghị định 30/2020/NĐ-CP, Phụ lục I: the header (issuer beside the
/// national motto, number, place and date), the kind and title, optional "Kính gửi:", the body, the signature
/// beside "Nơi nhận:", and appendices. <see cref="OfficialDocumentWriter"/> lays it out as .docx.
/// </summary>
public sealed record OfficialDocument
{
    public required Issuer Issuer { get; init; }
    public required DocumentNumber Number { get; init; }
    public required DateLine Date { get; init; }
    public required DocumentTitle Title { get; init; }

    /// <summary>"Kính gửi:" addressees: one goes on the same line, several go one per line as "- …;".</summary>
    public IReadOnlyList<string> Addressees { get; init; } = [];

    /// <summary>Enumerated once, in order, so a long body can be produced lazily.</summary>
    public IEnumerable<Block> Body { get; init; } = [];

    public required Signature Signature { get; init; }
    public required Distribution Distribution { get; init; }
    public IReadOnlyList<Appendix> Appendices { get; init; } = [];
}

/// <summary>
/// The issuing body, upper case, as the lines it is printed on ("ỦY BAN NHÂN DÂN" / "TỈNH NGHỆ AN"), under its
/// optional parent agency printed upright ("UBND TỈNH NGHỆ AN" above "SỞ NỘI VỤ").
/// </summary>
public sealed record Issuer(IReadOnlyList<string> Name, string? Parent = null);

/// <summary>"Số: 05/BC-UBND"; a draft has no number yet and prints a blank for it to be written in at issue.</summary>
public sealed record DocumentNumber(int? Number, string Symbol);

/// <summary>"Nghệ An, ngày 27 tháng 11 năm 2026"; a draft leaves day and month blank.</summary>
public sealed record DateLine(string Place, int Year, DateOnly? Date)
{
    public static DateLine On(string place, DateOnly date) => new(place, date.Year, date);

    public static DateLine Blank(string place, int year) => new(place, year, null);
}

/// <summary>
/// A typed document ("BÁO CÁO" over its title) or a công văn, which has no kind name and prints its subject
/// as "V/v …" under the number.
/// </summary>
public sealed record DocumentTitle(string? Kind, string Text)
{
    public static DocumentTitle Typed(string kind, string title) => new(kind, title);

    public static DocumentTitle Letter(string subject) => new(null, subject);

    public bool IsLetter => Kind is null;
}

/// <summary>
/// The authority and position lines ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH") and the signer's
/// name under the space for the signature and seal; an empty name leaves a draft unsigned.
/// </summary>
public sealed record Signature(IReadOnlyList<string> Lines, string SignerName);

/// <summary>"Nơi nhận:": one "- …;" line per recipient, then "- Lưu: VT, {Archive}." (VT alone when empty).</summary>
public sealed record Distribution(IReadOnlyList<string> Recipients, string Archive = "");

/// <summary>
/// An appendix on pages of its own, numbered from 1, landscape for wide tables: "Phụ lục" (with a Roman numeral
/// when there are several), the title in upper case, the italic note "(Kèm theo … số … ngày … của …)", the blocks.
/// </summary>
public sealed record Appendix(string Title, IEnumerable<Block> Body)
{
    public string? Note { get; init; }
    public bool Landscape { get; init; }
}
