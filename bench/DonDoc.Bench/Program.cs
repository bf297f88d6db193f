namespace DonDoc.Bench;

/// <summary>
/// DonDoc's data generator and benchmarks (docs/benchmarks.md):
///   dotnet run -c Release --project bench/DonDoc.Bench -- generate [--scale province|small] [--today yyyy-MM-dd]
///   dotnet run -c Release --project bench/DonDoc.Bench -- run [--scale province|small] [--postgres "&lt;server&gt;"] [--requests 400] …
///   dotnet run -c Release --project bench/DonDoc.Bench -- load [--postgres "&lt;server&gt;"] [--users 200] [--duration 120] …
///   dotnet run -c Release --project bench/DonDoc.Bench -- import [FOLDER_WITH_PLANS]
/// </summary>
/// <remarks>
/// A named class rather than top-level statements: the test project sees this assembly's internals, and a second
/// <c>Program</c> would make the app's <c>Program</c> ambiguous there.
/// </remarks>
internal static class BenchProgram
{
    public static async Task<int> Main(string[] args) => args.FirstOrDefault() switch
    {
        "generate" => await Commands.GenerateAsync(args[1..]),
        "run" => await Commands.RunAsync(args[1..]),
        "load" => await Commands.LoadAsync(args[1..]),
        "import" => ImportBench.Run(args[1..]),
        _ => Commands.Usage(),
    };
}
