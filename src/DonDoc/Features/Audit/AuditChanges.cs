using System.Text.Json;

namespace DonDoc.Features.Audit;

/// <summary>Turns the stored JSON of an audit entry into lines a person reads.</summary>
public static class AuditChanges
{
    public sealed record Line(string Field, string? Old, string? New);

    /// <summary>A versioned record's token: logged so each entry says which version it replaced, not shown to people.</summary>
    public const string VersionField = "Version";

    /// <summary>The lines the Nhật ký page shows.</summary>
    public static IReadOnlyList<Line> Shown(string json) => [.. Parse(json).Where(l => l.Field != VersionField)];

    /// <summary>The version of the record that the logged save replaced; null for entries written before versions were logged.</summary>
    public static long? ReplacedVersion(IEnumerable<Line> lines) =>
        lines.FirstOrDefault(l => l.Field == VersionField)?.Old is { } old
        && long.TryParse(old, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? version : null;

    public static IReadOnlyList<Line> Parse(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.EnumerateObject()
                .Select(p => new Line(p.Name, Text(p.Value, "old"), Text(p.Value, "new")))
                .ToList();
        }
        catch (JsonException)
        {
            return [new Line("?", null, json)];
        }
    }

    private static string? Text(JsonElement change, string side) =>
        change.ValueKind == JsonValueKind.Object && change.TryGetProperty(side, out var v)
            ? v.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => v.GetString(),
                _ => v.GetRawText(),
            }
            : null;
}
