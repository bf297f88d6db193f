using DonDoc.Features.Units;

namespace DonDoc.Demo;

public static partial class DemoUnits
{
    public const string PhuongTruongVinh = "000.01.40.H41";

    /// <summary>
    /// The 21 district-level units the 2022 plan addresses, each with some of the communes of 1/7/2025 whose
    /// seat lies in it. The communes are a SUBSET (all 11 phường, a score of the 119 xã), named from memory
    /// of NQ 1678/NQ-UBTVQH15 [U]. The first commune listed is the district's successor: the one keeping its
    /// seat or name. A district's duties really split among several communes and the province; one successor
    /// is what lets its open tasks pass on, and an administrator may reassign them.
    /// </summary>
    private static DemoUnit[] Localities() =>
    [
        .. Locality(40, "thành phố", "Vinh", "Phường Trường Vinh", "Phường Thành Vinh", "Phường Vinh Hưng", "Phường Vinh Phú", "Phường Vinh Lộc"),
        // Cửa Lò was probably merged into Vinh already on 1/1/2025 (NQ 1286/NQ-UBTVQH15) [U]; kept until 30/6 as DOMAIN.md says.
        .. Locality(41, "thị xã", "Cửa Lò", "Phường Cửa Lò"),
        .. Locality(42, "thị xã", "Thái Hòa", "Phường Thái Hòa", "Phường Tây Hiếu"),
        .. Locality(43, "thị xã", "Hoàng Mai", "Phường Hoàng Mai", "Phường Tân Mai", "Phường Quỳnh Mai"),
        .. Locality(44, "huyện", "Quỳnh Lưu", "Xã Quỳnh Lưu", "Xã Quỳnh Văn"),
        .. Locality(45, "huyện", "Diễn Châu", "Xã Diễn Châu"),
        .. Locality(46, "huyện", "Yên Thành", "Xã Yên Thành"),
        .. Locality(47, "huyện", "Nghi Lộc", "Xã Nghi Lộc"),
        .. Locality(48, "huyện", "Hưng Nguyên", "Xã Hưng Nguyên"),
        .. Locality(49, "huyện", "Nam Đàn", "Xã Nam Đàn", "Xã Kim Liên"),
        .. Locality(50, "huyện", "Thanh Chương", "Xã Thanh Chương"),
        .. Locality(51, "huyện", "Đô Lương", "Xã Đô Lương"),
        .. Locality(52, "huyện", "Anh Sơn", "Xã Anh Sơn"),
        .. Locality(53, "huyện", "Con Cuông", "Xã Con Cuông"),
        .. Locality(54, "huyện", "Tân Kỳ", "Xã Tân Kỳ"),
        .. Locality(55, "huyện", "Nghĩa Đàn", "Xã Nghĩa Đàn"),
        .. Locality(56, "huyện", "Quỳ Hợp", "Xã Quỳ Hợp"),
        .. Locality(57, "huyện", "Quỳ Châu", "Xã Quỳ Châu"),
        .. Locality(58, "huyện", "Quế Phong", "Xã Quế Phong"),
        .. Locality(59, "huyện", "Tương Dương", "Xã Tương Dương"),
        .. Locality(60, "huyện", "Kỳ Sơn", "Xã Mường Xén", "Xã Mỹ Lý"),
    ];

    /// <param name="level">"thành phố", "thị xã" or "huyện", as documents write it after "UBND".</param>
    /// <param name="communes">"Phường …" or "Xã …"; the first is the district's successor.</param>
    private static IEnumerable<DemoUnit> Locality(int cc, string level, string place, params string[] communes)
    {
        var codes = communes.Select((_, i) => $"000.{i + 1:00}.{cc:00}.H41").ToArray();
        var abbreviation = level switch { "thành phố" => "TP", "thị xã" => "TX", _ => level };
        string[] aliases = abbreviation == level
            ? [$"UBND {level} {place}", $"{Capitalized(level)} {place}"]
            : [$"UBND {level} {place}", $"UBND {abbreviation} {place}", $"{Capitalized(level)} {place}", $"{abbreviation} {place}"];
        yield return new($"000.00.{cc:00}.H41", $"Ủy ban nhân dân {level} {place}", $"UBND {abbreviation} {place}",
            aliases, UnitKind.District, UbndTinh,
            ValidTo: LastDayOfDistricts, SuccessorCode: codes[0], SortOrder: cc);

        for (var i = 0; i < communes.Length; i++)
        {
            var commune = communes[i];
            var communeLevel = commune[..commune.IndexOf(' ')].ToLowerInvariant();
            var communePlace = commune[(commune.IndexOf(' ') + 1)..];
            yield return new(codes[i], $"Ủy ban nhân dân {communeLevel} {communePlace}", $"UBND {communeLevel} {communePlace}",
                [$"UBND {communeLevel} {communePlace}", commune], UnitKind.Commune, UbndTinh,
                ValidFrom: CommunesFormed, SortOrder: 100 + cc);
        }
    }

    private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
