using System.Text.RegularExpressions;
using DonDoc.Features.Units;

namespace DonDoc.Features.Import;

/// <summary>A unit named in the text: a registry unit, a group of units of a kind, or a name matching no unit.</summary>
public sealed record UnitMention(string Text, RegistryUnit? Unit, UnitKind? Group)
{
    public bool IsUnmatched => Unit is null && Group is null;
}

/// <summary>
/// Reads lists of units the way plans write them ("Sở Tư pháp, Sở TN&amp;MT và UBND các huyện, thành phố, thị xã",
/// "Các Sở: Kế hoạch và Đầu tư, Xây dựng, Tài chính") and matches each name against the registry by name,
/// short name and aliases, ignoring case and diacritics.
/// </summary>
public sealed partial class UnitMatcher
{
    private const int MaxNameWords = 12;
    private readonly Dictionary<string, RegistryUnit> _byKey = new(StringComparer.Ordinal);

    public UnitMatcher(IEnumerable<RegistryUnit> units)
    {
        foreach (var unit in units)
        {
            foreach (var name in new[] { unit.Name, unit.ShortName }.Concat(unit.Aliases))
            {
                if (!string.IsNullOrWhiteSpace(name))
                    _byKey.TryAdd(VietnameseText.Key(name), unit);
            }
        }
    }

    public RegistryUnit? Match(string name) => _byKey.GetValueOrDefault(VietnameseText.Key(name));

    [GeneratedRegex(@"\G(?:giam doc|thu truong|chu tich|lanh dao|nguoi dung dau|truong ban|truong)\s+(?:cac\s+)?(?=\S)")]
    private static partial Regex HeadOfRegex();

    [GeneratedRegex(@"\G(?:cac\s+)?(?:so,\s*(?:ban,?\s*)?nganh|ban,\s*nganh|so\b(?!\s*:)(?=\s*,\s*thu truong)|co quan chuyen mon)(?:,\s*(?:doan the|don vi|to chuc chinh tri\s*-\s*xa hoi))*(?:\s+(?:cap tinh|tinh|thanh pho|truc thuoc (?:ubnd|uy ban nhan dan) (?:tinh|thanh pho)))?(?:\s+(?:co\s+)?lien quan)?")]
    private static partial Regex DepartmentsRegex();

    [GeneratedRegex(@"\G(?:uy ban nhan dan|ubnd)\s+(?:cac\s+)?(?:huyen|cap huyen|quan, huyen)(?:,\s*(?:thanh pho|thi xa|quan))*")]
    private static partial Regex DistrictsRegex();

    [GeneratedRegex(@"\G(?:uy ban nhan dan|ubnd)\s+(?:cac\s+)?(?:xa|cap xa|phuong)(?:,\s*(?:phuong|xa|thi tran|dac khu))*")]
    private static partial Regex CommunesRegex();

    [GeneratedRegex(@"\Gcac\s+(so|ban|bo)\s*:\s*")]
    private static partial Regex ListOfKindRegex();

    [GeneratedRegex(@"\G\s*(?:,\s*va|,|;|va|cung)\s+")]
    private static partial Regex SeparatorRegex();

    // Longer heads first: "bảo hiểm" must not be read as "báo".
    [GeneratedRegex(@"\G(?:bo chi huy|bo tu lenh|uy ban|cong an|thanh tra|van phong|trung tam|hiep hoi|lien minh|lien doan|chi cuc|tong cuc|kho bac|ngan hang|bao hiem|toa an|dang uy|to dang|tinh uy|thanh uy|chi nhanh|tap doan|mat tran|so|ban|bo|ubnd|dai|bao|hoi|doan|vien|cuc|quy|truong|doi)\s")]
    private static partial Regex OrganisationHeadRegex();

    // Where a name that is not in the registry ends: a separator or the start of what the unit does.
    [GeneratedRegex(@"[;:(]|,(?=\s)|\s(?:va|cung)\s(?=cac\s|so\s|ban\s|bo\s|uy ban|ubnd|cong an|hoi\s|co quan|dia phuong|don vi)|\s(?:chu tri|phoi hop|co trach nhiem|chiu trach nhiem|tham muu|chi dao|thuc hien|trien khai|to chuc|can cu|nghien cuu|bo tri|huong dan|theo doi|xay dung|kiem tra|don doc|giup|la|duoc|phai|can|tich cuc|chu dong|nghiem tuc|dinh ky|trong|de|tiep tuc|tang cuong|day manh|thuong xuyen|khan truong|tham gia|ban hanh|de xuat|tong hop|bao cao|lam|dam bao|bao dam|tiep nhan|lap|ho tro|cung cap|gui|ra soat|phan anh|thuc thi)\b")]
    private static partial Regex NameEndRegex();

    /// <summary>
    /// Reads the list of units that starts at <paramref name="start"/>; empty when none starts there.
    /// <paramref name="end"/> is where the list stops (the rest of the sentence says what they do).
    /// </summary>
    public List<UnitMention> ReadList(string text, int start, out int end) => ReadList(text, VietnameseText.Fold(text), start, out end);

    private List<UnitMention> ReadList(string text, string folded, int start, out int end)
    {
        var mentions = new List<UnitMention>();
        var p = start;
        end = start;
        while (p < text.Length)
        {
            p = SkipSpaces(text, p);
            if (HeadOfRegex().Match(folded, p) is { Success: true } head)
                p += head.Length;
            var before = mentions.Count;
            var next = ReadOne(text, folded, p, mentions);
            if (next < 0)
            {
                if (mentions.Count == 0)
                    return mentions;
                break;
            }
            end = next;
            if (SeparatorRegex().Match(folded, next) is not { Success: true } separator)
                break;
            p = next + separator.Length;
            if (mentions.Count == before)
                break;
        }
        return mentions;
    }

    /// <summary>Every unit list in the text after one of the given openings ("phối hợp với", "Giao").</summary>
    public List<UnitMention> ReadAfter(string text, Regex opening)
    {
        var found = new List<UnitMention>();
        string? folded = null;
        foreach (Match m in opening.Matches(text))
            found.AddRange(ReadList(text, folded ??= VietnameseText.Fold(text), m.Index + m.Length, out _));
        return found;
    }

    private int ReadOne(string text, string folded, int p, List<UnitMention> mentions)
    {
        if (p >= text.Length)
            return -1;
        foreach (var (regex, kind) in Groups)
        {
            if (regex.Match(folded, p) is { Success: true, Length: > 0 } group)
            {
                mentions.Add(new(text.Substring(p, group.Length).Trim(), null, kind));
                return p + group.Length;
            }
        }
        if (ListOfKindRegex().Match(folded, p) is { Success: true } list)
            return ReadKindList(text, folded, p + list.Length, text.Substring(list.Groups[1].Index, list.Groups[1].Length), mentions, p);
        if (LongestRegistryMatch(text, folded, p, prefix: "") is var (unit, length) && unit is not null)
        {
            mentions.Add(new(text.Substring(p, length).Trim(), unit, null));
            return SkipQualifier(folded, p + length);
        }
        if (OrganisationHeadRegex().Match(folded, p) is { Success: true } orgHead && NamesSomething(text, orgHead))
        {
            var nameEnd = NameEnd(text, folded, p + 2);
            var name = text[p..nameEnd].Trim().TrimEnd('.');
            var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            if (words is < 2 or > MaxNameWords)
                return -1;
            mentions.Add(new(name, null, null));
            return nameEnd;
        }
        return -1;
    }

    /// <summary>
    /// A one-word head ("Sở", "Ban", "Hội") names a body only before a capital ("Hội Nông dân", "Báo và Phát thanh"),
    /// so "Số lượng …" or "Ban hành …" are not read as unit names.
    /// </summary>
    private static bool NamesSomething(string text, Match head)
    {
        if (head.Value.Trim().Contains(' '))
            return true;
        var rest = text[(head.Index + head.Length)..];
        if (rest.StartsWith("và ", StringComparison.Ordinal))
            rest = rest[3..];
        return rest.Length > 0 && char.IsUpper(rest[0]);
    }

    /// <summary>
    /// Where an unknown name ends. A verb ends it only in small letters: "Ban Chỉ đạo quốc gia" is a name,
    /// "Bộ Quốc phòng chỉ đạo …" is a name and what it does.
    /// </summary>
    private static int NameEnd(string text, string folded, int from)
    {
        for (var m = NameEndRegex().Match(folded, from); m.Success; m = m.NextMatch())
        {
            if (m.Value[0] != ' ' || char.IsLower(text[m.Index + 1]))
                return m.Index;
        }
        return text.Length;
    }

    private static readonly (Regex Regex, UnitKind Kind)[] Groups =
        [(DepartmentsRegex(), UnitKind.Department), (DistrictsRegex(), UnitKind.District), (CommunesRegex(), UnitKind.Commune)];

    /// <summary>"Các Sở: Kế hoạch và Đầu tư, Xây dựng, Tài chính": each name completes "Sở …".</summary>
    private int ReadKindList(string text, string folded, int p, string kindWord, List<UnitMention> mentions, int listStart)
    {
        var prefix = char.ToUpper(kindWord[0], VietnameseText.Culture) + kindWord[1..] + " ";
        var any = false;
        while (p < text.Length)
        {
            var (unit, length) = LongestRegistryMatch(text, folded, p, prefix);
            if (unit is null)
                break;
            mentions.Add(new(prefix + text.Substring(p, length).Trim(), unit, null));
            any = true;
            p += length;
            if (SeparatorRegex().Match(folded, p) is not { Success: true } separator
                || LongestRegistryMatch(text, folded, p + separator.Length, prefix).Unit is null)
                break;
            p += separator.Length;
        }
        return any ? p : listStart;
    }

    private (RegistryUnit? Unit, int Length) LongestRegistryMatch(string text, string folded, int p, string prefix)
    {
        var ends = new List<int>();
        var i = p;
        while (i < text.Length && ends.Count < MaxNameWords)
        {
            while (i < text.Length && text[i] != ' ')
                i++;
            ends.Add(i);
            while (i < text.Length && text[i] == ' ')
                i++;
        }
        var foldedPrefix = VietnameseText.Key(prefix);
        for (var k = ends.Count - 1; k >= 0; k--)
        {
            var candidate = folded[p..ends[k]];
            var trimmed = candidate.TrimEnd('.', ',', ';', ':', ')');
            var key = VietnameseText.Key(foldedPrefix.Length > 0 ? foldedPrefix + " " + trimmed : trimmed);
            if (_byKey.TryGetValue(key, out var unit))
                return (unit, p + trimmed.Length - p);
        }
        return (null, 0);
    }

    [GeneratedRegex(@"\G\s+(?:cap tinh|tinh|thanh pho)(?=[\s,;.:)]|$)")]
    private static partial Regex QualifierRegex();

    private static int SkipQualifier(string folded, int p) =>
        QualifierRegex().Match(folded, p) is { Success: true } q ? p + q.Length : p;

    private static int SkipSpaces(string text, int p)
    {
        while (p < text.Length && text[p] == ' ')
            p++;
        return p;
    }
}
