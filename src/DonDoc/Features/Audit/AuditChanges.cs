using System.Text.Json;

namespace DonDoc.Features.Audit;

/// <summary>Turns the stored JSON of an audit entry into lines a person reads.</summary>
public static class AuditChanges
{
    public sealed record Line(string Field, string? Old, string? New);

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
