using System.Text.RegularExpressions;

namespace DonDoc.Features.Units;

/// <summary>Validation of a unit as a person enters it; plain rules so they test without a database.</summary>
public static partial class UnitRules
{
    public const int MaxCodeLength = 30;

    /// <summary>The 13-character electronic identifier AAA.BB.CC.DDD of QĐ 20/2020/QĐ-TTg.</summary>
    [GeneratedRegex(@"^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z0-9]{3}$")]
    public static partial Regex ElectronicCode();

    [GeneratedRegex(@"^[0-9A-Za-z._-]+$")]
    private static partial Regex CodeCharacters();

    public static string NormalizeCode(string? code) => (code ?? "").Trim().ToUpperInvariant();

    /// <summary>Errors in Vietnamese, keyed by field; empty when the unit may be saved.</summary>
    public static Dictionary<string, string[]> Validate(UnitInput input)
    {
        var errors = new Dictionary<string, string[]>();
        var code = NormalizeCode(input.Code);
        if (code.Length == 0)
            errors["code"] = ["Mã đơn vị không được để trống."];
        else if (code.Length > MaxCodeLength || !CodeCharacters().IsMatch(code))
            errors["code"] = [$"Mã đơn vị chỉ gồm chữ, số, dấu chấm, gạch ngang và dài tối đa {MaxCodeLength} ký tự."];
        if (string.IsNullOrWhiteSpace(input.Name))
            errors["name"] = ["Tên đơn vị không được để trống."];
        else if (input.Name.Trim().Length > 300)
            errors["name"] = ["Tên đơn vị dài tối đa 300 ký tự."];
        if (input.ValidFrom is { } from && input.ValidTo is { } to && to < from)
            errors["validTo"] = ["Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực."];
        return errors;
    }

    /// <summary>
    /// True when making <paramref name="newParentPath"/>'s unit the parent of the unit at <paramref name="unitPath"/>
    /// would put the unit under itself.
    /// </summary>
    public static bool WouldCreateCycle(string unitPath, string newParentPath) =>
        newParentPath.StartsWith(unitPath, StringComparison.Ordinal);

    public static string ChildPath(string? parentPath, int id) => $"{parentPath ?? "/"}{id}/";
}

/// <summary>What a person or an import supplies for a unit.</summary>
public sealed record UnitInput(
    string Code,
    string Name,
    string? ShortName,
    IReadOnlyList<string> Aliases,
    UnitKind Kind,
    int? ParentId,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    int? SuccessorId,
    int SortOrder = 0);
