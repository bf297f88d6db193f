using System.Text.RegularExpressions;

namespace DonDoc.Features.Units;

/// <summary>Validation of a unit as a person enters it; plain rules so they test without a database.</summary>
public static partial class UnitRules
{
    public const int MaxCodeLength = 30;
    public const int MaxNameLength = 300;
    public const int MaxShortNameLength = 100;

    /// <summary>The 13-character electronic identifier AAA.BB.CC.DDD of QĐ 20/2020/QĐ-TTg.</summary>
    [GeneratedRegex(@"^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z0-9]{3}$")]
    private static partial Regex ElectronicCode();

    [GeneratedRegex(@"^[0-9A-Za-z._-]+$")]
    private static partial Regex CodeCharacters();

    public static string NormalizeCode(string? code) => (code ?? "").Trim().ToUpperInvariant();

    /// <summary>
    /// Whether the code has the official electronic-identifier form. Other codes are allowed, because
    /// some units have none published yet, but the form tells an administrator when a code looks mistyped.
    /// </summary>
    public static bool IsElectronicCode(string? code) => ElectronicCode().IsMatch(NormalizeCode(code));

    /// <summary>Errors in Vietnamese, keyed by field; empty when the unit may be saved.</summary>
    public static Dictionary<string, string[]> Validate(UnitInput input)
    {
        var errors = new Dictionary<string, string[]>();
        var code = NormalizeCode(input.Code);
        if (code.Length == 0)
            errors["code"] = ["Mã đơn vị không được để trống."];
        else if (code.Length > MaxCodeLength)
            errors["code"] = [$"Mã đơn vị dài tối đa {MaxCodeLength} ký tự."];
        else if (!CodeCharacters().IsMatch(code))
            errors["code"] = ["Mã đơn vị chỉ gồm chữ cái không dấu, chữ số, dấu chấm (.), gạch ngang (-) và gạch dưới (_)."];
        if (string.IsNullOrWhiteSpace(input.Name))
            errors["name"] = ["Tên đơn vị không được để trống."];
        else if (input.Name.Trim().Length > MaxNameLength)
            errors["name"] = [$"Tên đơn vị dài tối đa {MaxNameLength} ký tự."];
        if (input.ShortName?.Trim().Length > MaxShortNameLength)
            errors["shortName"] = [$"Tên viết tắt dài tối đa {MaxShortNameLength} ký tự."];
        // PostgreSQL cannot store the NUL character in text; a pasted name could carry one.
        if (input.Aliases.Append(input.Name).Append(input.ShortName).Any(t => t?.Contains('\0') == true))
            errors["aliases"] = ["Tên, tên viết tắt hoặc tên gọi khác của đơn vị có ký tự ẩn không in được (thường do dán từ tệp bị lỗi); hãy xóa và gõ lại."];
        if (!Enum.IsDefined(input.Kind))
            errors["kind"] = ["Loại đơn vị không hợp lệ."];
        if (input.ValidFrom is { } from && input.ValidTo is { } to && to < from)
            errors["validTo"] = ["Ngày hết hiệu lực không được trước ngày bắt đầu hiệu lực."];
        return errors;
    }

    /// <summary>
    /// True when making <paramref name="newParentPath"/>'s unit the parent of the unit at <paramref name="unitPath"/>
    /// would put the unit under itself. Paths end with '/', so "/1/" is not a prefix of "/11/".
    /// </summary>
    public static bool WouldCreateCycle(string unitPath, string newParentPath) =>
        newParentPath.StartsWith(unitPath, StringComparison.Ordinal);

    public static string ChildPath(string? parentPath, int id) => $"{parentPath ?? "/"}{id}/";

    /// <summary>Aliases trimmed, without blanks or repeats that differ only in case.</summary>
    public static List<string> CleanAliases(IEnumerable<string> aliases) =>
        aliases.Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>Aliases as typed in one field or one spreadsheet cell, separated by ';'.</summary>
    public static List<string> ParseAliases(string? text) => CleanAliases((text ?? "").Split(';'));

    public static string FormatAliases(IEnumerable<string> aliases) => string.Join("; ", aliases);
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
