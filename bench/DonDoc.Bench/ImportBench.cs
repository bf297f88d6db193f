using System.Diagnostics;
using System.Globalization;
using System.Text;
using DonDoc.Demo;
using DonDoc.Features.Import;

namespace DonDoc.Bench;

// Times the plan importer on a ~200-page plan built from the seed and the corpus: every corpus plan's sections
// renumbered one after another under a single letterhead, then the corpus's appendix tables, so the parse sees
// one long document of the genre.
// Usage: dotnet run -c Release --project bench/DonDoc.Bench -- import [FOLDER_WITH_PLANS]
internal static class ImportBench
{
    public static int Run(string[] args)
    {
        var folder = args.Length > 0 ? args[0] : Path.Combine(Repo.Root, "tests", "DonDoc.Tests", "Features", "Import", "Documents");
        var sources = Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        var registry = DemoUnits.All.Select((u, i) => new RegistryUnit(i + 1, u.Name, u.ShortName, u.Aliases, u.Kind)).ToList();
        var matcher = new UnitMatcher(registry);

        var text = BuildLongPlan(sources, targetChars: 200 * 3000);
        var pages = text.Length / 3000;
        var warm = PlanImporter.Parse(text, matcher);
        if (warm.Plan is null)
        {
            Console.Error.WriteLine(warm.Error);
            return 1;
        }

        // Wall time is what a user waits; CPU time shows the parser's own cost on a machine others are loading.
        var times = new List<double>();
        var cpu = new List<double>();
        var process = Process.GetCurrentProcess();
        for (var run = 0; run < 20; run++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            PlanImporter.Parse(text, matcher);
            times.Add(watch.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
        }
        var wall = Timing.Of(times, TimeSpan.FromMilliseconds(times.Sum()));
        var cpuTime = Timing.Of(cpu, TimeSpan.FromMilliseconds(cpu.Sum()));
        var plan = warm.Plan;
        var nodes = Count(plan.Nodes);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pages≈{pages} chars={text.Length} nodes={nodes} references={plan.References.Count} assignments={plan.Assignments.Count} deadlines={plan.Deadlines.Count} tasks={plan.Tasks.Count}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"runs=20 wall p50={wall.P50:F0} ms p95={wall.P95:F0} ms max={wall.Max:F0} ms; cpu p50={cpuTime.P50:F0} ms p95={cpuTime.P95:F0} ms"));
        return 0;

        static string BuildLongPlan(List<string> sources, int targetChars)
        {
            // The body of each source from its first Roman heading to its closing, with the Roman numbers renumbered.
            var bodies = sources.Select(BodyOf).Where(b => b.Count > 0).ToList();
            var sb = new StringBuilder("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 1/KH-UBND\nNghệ An, ngày 01 tháng 01 năm 2026\n\nKẾ HOẠCH\nTỔNG HỢP ĐỂ ĐO THỜI GIAN NHẬP\n\n");
            var section = 0;
            for (var round = 0; sb.Length < targetChars; round++)
            {
                foreach (var body in bodies)
                {
                    foreach (var line in body)
                    {
                        var t = line.TrimStart();
                        var dot = t.IndexOf('.');
                        if (dot > 0 && Labels.RomanValue(t[..dot]) > 0 && t.Length > dot + 1 && t[dot + 1] == ' ')
                        {
                            // Thirty sections to a part (A., B., …) keeps every Roman number a real one.
                            if (section % 30 == 0)
                                sb.Append((char)('A' + section / 30)).Append(". PHẦN THỨ ").Append(section / 30 + 1).Append('\n');
                            sb.Append(Labels.ToRoman(section++ % 30 + 1)).Append(t[dot..]).Append('\n');
                        }
                        else
                            sb.Append(line).Append('\n');
                    }
                    if (sb.Length >= targetChars)
                        break;
                }
            }
            sb.Append("\nNơi nhận:\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn A\n");
            return sb.ToString();
        }

        static List<string> BodyOf(string source)
        {
            var lines = source.Replace("\r", "", StringComparison.Ordinal).Split('\n').ToList();
            var start = lines.FindIndex(l => l.StartsWith("I. ", StringComparison.Ordinal));
            var end = lines.FindIndex(Math.Max(start, 0), l => l.StartsWith("Nơi nhận", StringComparison.Ordinal) || l.StartsWith("PHỤ LỤC", StringComparison.Ordinal));
            return start < 0 ? [] : lines[start..(end < 0 ? lines.Count : end)];
        }

        static int Count(IEnumerable<ImportedNode> nodes) => nodes.Sum(n => 1 + Count(n.Children));
    }
}
