using DonDoc.Demo;
using DonDoc.Features.Import;
using DonDoc.Tests.Infrastructure;

namespace DonDoc.Tests.Features.Import;

/// <summary>The demo registry as the importer sees it, and the real plans kept beside these tests.</summary>
public static class ImportFixtures
{
    public static IReadOnlyList<RegistryUnit> Registry { get; } = DemoUnits.All
        .Select((u, i) => new RegistryUnit(i + 1, u.Name, u.ShortName, u.Aliases, u.Kind)).ToList();

    public static string DocumentsFolder => Path.Combine(RepoPaths.Root, "tests", "DonDoc.Tests", "Features", "Import", "Documents");

    public static string PathOf(string file) => Path.Combine(DocumentsFolder, file);

    public static ImportedPlan Import(string file) => Parse(File.ReadAllText(PathOf(file)));

    public static ImportedPlan Parse(string text)
    {
        var outcome = PlanImporter.Parse(text, Registry);
        Assert.True(outcome.Error is null, outcome.Error);
        return outcome.Plan!;
    }

    public static ImportedNode Node(this ImportedPlan plan, string path) =>
        Walk(plan.Nodes).SingleOrDefault(n => n.Path == path) ?? throw new Xunit.Sdk.XunitException($"No node {path}");

    public static IEnumerable<ImportedNode> Walk(IEnumerable<ImportedNode> nodes) =>
        nodes.SelectMany(n => new[] { n }.Concat(Walk(n.Children)));

    public static string Labels(this ImportedNode node) => string.Join(",", node.Children.Select(c => c.Label));

    public static string Labels(this ImportedPlan plan) => string.Join(",", plan.Nodes.Select(c => c.Label));

    public static ImportedAssignment Assignment(this ImportedPlan plan, string path) =>
        plan.Assignments.SingleOrDefault(a => a.Path == path) ?? throw new Xunit.Sdk.XunitException($"No assignment at {path}");

    public static ImportedReference Reference(this ImportedPlan plan, string symbol) =>
        plan.References.SingleOrDefault(r => r.Symbol == symbol) ?? throw new Xunit.Sdk.XunitException($"No reference {symbol}");
}
