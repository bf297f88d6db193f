namespace DonDoc.Features.Units;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<UnitKind>))]
public enum UnitKind
{
    /// <summary>Ủy ban nhân dân tỉnh.</summary>
    Province,
    /// <summary>Sở, ban, ngành: a specialised agency of the UBND tỉnh.</summary>
    Department,
    /// <summary>Provincial bodies that take assignments without being UBND agencies (Công an tỉnh, Báo, Đài, MTTQ).</summary>
    ProvincialBody,
    /// <summary>UBND cấp huyện (district level, abolished 1/7/2025).</summary>
    District,
    /// <summary>UBND cấp xã (xã, phường, đặc khu).</summary>
    Commune,
}

public static class UnitKindLabels
{
    public static string Label(this UnitKind kind) => kind switch
    {
        UnitKind.Province => "UBND tỉnh",
        UnitKind.Department => "Sở, ban, ngành",
        UnitKind.ProvincialBody => "Cơ quan, tổ chức cấp tỉnh",
        UnitKind.District => "UBND cấp huyện",
        UnitKind.Commune => "UBND cấp xã",
        _ => kind.ToString(),
    };

    public static bool TryParseLabel(string? text, out UnitKind kind)
    {
        foreach (var k in Enum.GetValues<UnitKind>())
        {
            if (string.Equals(text?.Trim(), k.Label(), StringComparison.OrdinalIgnoreCase)
                || string.Equals(text?.Trim(), k.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
