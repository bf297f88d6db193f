// DonDoc's benchmarks, run by hand and written into docs/benchmarks.md:
//   dotnet run -c Release --project bench/DonDoc.Bench -- tasklist [--postgres "<connection string>"] [--runs 50]
//   dotnet run -c Release --project bench/DonDoc.Bench -- import [FOLDER_WITH_PLANS]
//   dotnet run -c Release --project bench/DonDoc.Bench -- reports [--postgres "<connection string>"] [--runs 10]
using DonDoc.Bench;

if (args.FirstOrDefault() == "import")
    return ImportBench.Run(args[1..]);
if (args.FirstOrDefault() == "reports")
{
    await ReportBench.RunAsync(Option(args, "--postgres"), int.TryParse(Option(args, "--runs"), out var r) && r > 0 ? r : 10);
    return 0;
}
if (args.FirstOrDefault() != "tasklist")
{
    Console.Error.WriteLine("Dùng: dotnet run -c Release --project bench/DonDoc.Bench -- tasklist [--postgres \"<chuỗi kết nối>\"] [--runs 50] | import [thư mục] | reports [--postgres \"<chuỗi kết nối>\"] [--runs 10]");
    return 2;
}
var postgres = Option(args, "--postgres");
var runs = int.TryParse(Option(args, "--runs"), out var n) && n > 0 ? n : 50;
await TaskListBench.RunAsync(postgres, runs);
return 0;

static string? Option(string[] args, string name) =>
    Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
