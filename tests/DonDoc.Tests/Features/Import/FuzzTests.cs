using DonDoc.Features.Import;

namespace DonDoc.Tests.Features.Import;

/// <summary>Random and mutated documents: the importer always answers (a plan or a message), never throws or hangs.</summary>
public sealed class FuzzTests
{
    private static readonly TimeSpan PerCase = TimeSpan.FromSeconds(10);

    private static readonly string[] Pieces =
    [
        "I.", "II.", "IV.", "1.", "2.", "10.", "2.1.", "a)", "đ)", "b.", "A.", "- ", "+ ", "• ", "* ", "Điều 1.", "\n", "\n\n", "\t", " ",
        "Nghị quyết số 30/NQ-CP ngày 11/3/2022", "số 59/2019/NĐ-CP", "ngày 11 tháng 3 năm", "của", "và", ",", ";", ":", "./.", "(", ")",
        "Sở Tư pháp", "Các Sở:", "các sở, ban, ngành", "UBND các xã, phường", "Đề nghị", "chủ trì", "phối hợp với", "Cơ quan chủ trì:",
        "Thời gian thực hiện:", "trước ngày 05/12 hàng năm", "Quý IV/", "thường xuyên", "KẾ HOẠCH", "QUYẾT ĐỊNH", "PHỤ LỤC", "TT", "Nơi nhận:",
        "TM. ỦY BAN NHÂN DÂN", "Nguyễn Văn A", "[1]", "…………", "12", "µ", "ä", "\u0300", "\uFEFF", "ĐÍCH", "yêu cầu", "Ủy", "ban",
    ];

    public static TheoryData<int> Seeds() => new(Enumerable.Range(0, 30));

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Random_and_mutated_documents_never_throw_or_hang(int seed)
    {
        var random = new Random(seed);
        var original = File.ReadAllLines(ImportFixtures.PathOf("ke-hoach-thuc-hien-nq-30-nq-cp.txt"));
        var corpus = Directory.GetFiles(ImportFixtures.DocumentsFolder, "*.txt").Select(File.ReadAllText).ToArray();
        for (var i = 0; i < 10; i++)
        {
            var text = (i % 3) switch
            {
                0 => RandomText(random),
                1 => Mutate(original, random),
                _ => Mutate(corpus[random.Next(corpus.Length)].Split('\n'), random),
            };
            var run = Task.Run(() => PlanImporter.Parse(text, ImportFixtures.Registry), TestContext.Current.CancellationToken);
            var finished = await Task.WhenAny(run, Task.Delay(PerCase, TestContext.Current.CancellationToken));
            Assert.True(finished == run, $"Case {seed}/{i} did not finish in {PerCase}.");
            var outcome = await run;
            Assert.True(outcome.Plan is not null ^ outcome.Error is not null);
            if (outcome.Plan is not null)
                Assert.NotEmpty(outcome.Plan.ToJson());
        }
    }

    private static string RandomText(Random random)
    {
        var sb = new System.Text.StringBuilder();
        var count = random.Next(0, 400);
        for (var i = 0; i < count; i++)
            sb.Append(random.Next(4) == 0 ? ((char)random.Next(32, 0x2000)).ToString() : Pieces[random.Next(Pieces.Length)]).Append(random.Next(3) == 0 ? "\n" : " ");
        return sb.ToString();
    }

    private static string Mutate(string[] lines, Random random)
    {
        var list = lines.ToList();
        var edits = random.Next(1, 60);
        for (var e = 0; e < edits && list.Count > 0; e++)
        {
            var at = random.Next(list.Count);
            switch (random.Next(6))
            {
                case 0: list.RemoveAt(at); break;
                case 1: list.Insert(at, list[random.Next(list.Count)]); break;
                case 2: list[at] = list[at].Length > 2 ? list[at][..random.Next(list[at].Length)] : list[at]; break;
                case 3: list.Insert(at, Pieces[random.Next(Pieces.Length)]); break;
                case 4: (list[at], list[^1]) = (list[^1], list[at]); break;
                default: list[at] = Pieces[random.Next(Pieces.Length)] + list[at]; break;
            }
        }
        return string.Join(random.Next(2) == 0 ? "\n" : "\r\n", list);
    }
}
