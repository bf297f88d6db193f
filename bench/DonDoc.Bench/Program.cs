// DonDoc's data generator and benchmarks (docs/benchmarks.md):
//   dotnet run -c Release --project bench/DonDoc.Bench -- generate [--scale province|small] [--today yyyy-MM-dd]
//   dotnet run -c Release --project bench/DonDoc.Bench -- run [--scale province|small] [--postgres "<server>"] [--requests 400] ...
//   dotnet run -c Release --project bench/DonDoc.Bench -- import [FOLDER_WITH_PLANS]
using DonDoc.Bench;

return args.FirstOrDefault() switch
{
    "generate" => await Commands.GenerateAsync(args[1..]),
    "run" => await Commands.RunAsync(args[1..]),
    "import" => ImportBench.Run(args[1..]),
    _ => Commands.Usage(),
};
