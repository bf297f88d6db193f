namespace DonDoc.Bench.Generate;

/// <summary>How much data the generator writes. Province is the target size; small is for tests and CI.</summary>
internal sealed record Scale(string Name, int Units, int Users, int Plans, int Assignments, int ProgressUpdates, int Periods, int UnitReports,
    int AuditEntries, int ConsolidationUnits)
{
    public static readonly Scale Province = new("province", 300, 60_000, 40, 50_000, 250_000, 1_000, 30_000, 500_000, 160);
    public static readonly Scale Small = new("small", 20, 200, 4, 400, 2_000, 12, 120, 5_000, 10);

    public static Scale? Parse(string? name) => name?.ToLowerInvariant() switch
    {
        null or "province" => Province,
        "small" => Small,
        _ => null,
    };
}
