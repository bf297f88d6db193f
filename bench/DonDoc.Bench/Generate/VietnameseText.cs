using System.Globalization;
using System.Text;
using DonDoc.Demo;

namespace DonDoc.Bench.Generate;

/// <summary>
/// People's names and the wording of tasks and updates, built from common Vietnamese names and from the sentences
/// of the seed plan (Kế hoạch thực hiện Nghị quyết 30/NQ-CP), so text searches and column widths meet the genre.
/// </summary>
internal static class VietnameseText
{
    private static readonly string[] Families = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Thái", "Cao"];
    private static readonly string[] Middles = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quang", "Xuân", "Hồng", "Đình", "Thu", "Kim", "Trọng"];
    private static readonly string[] Givens =
    [
        "An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng", "Hương", "Khánh", "Lan", "Linh", "Long",
        "Mai", "Minh", "Nam", "Nga", "Phong", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Thắng", "Trang", "Tuấn", "Vân", "Yến", "Hằng",
    ];

    public static readonly string[] Positions = ["Chuyên viên", "Công chức", "Phó Trưởng phòng", "Trưởng phòng", "Văn thư", "Kế toán", "Chuyên viên chính"];

    private static readonly string[] CommunePrefixes = ["Diễn", "Quỳnh", "Nghi", "Hưng", "Thanh", "Nam", "Yên", "Đô", "Tân", "Nghĩa", "Quỳ", "Con", "Anh", "Kim", "Hợp"];
    private static readonly string[] CommuneSuffixes =
    [
        "An", "Bình", "Hòa", "Phú", "Thịnh", "Sơn", "Lâm", "Hưng", "Thành", "Lộc", "Long", "Xuân", "Đông", "Tây", "Trung", "Phúc", "Mỹ", "Vĩnh", "Tiến", "Lĩnh",
    ];

    private static readonly string[] UpdateOpenings =
    [
        "Đã ban hành văn bản triển khai", "Đang tổ chức thực hiện", "Đã hoàn thành dự thảo, đang lấy ý kiến góp ý", "Đã tổ chức hội nghị quán triệt",
        "Đang tổng hợp kết quả từ các phòng, ban", "Đã báo cáo Thường trực UBND", "Đã kiểm tra, đôn đốc các đơn vị trực thuộc", "Đang hoàn thiện hồ sơ",
    ];

    /// <summary>Sentences and clauses of the seed plan, 40 to 400 characters long, in the plan's order.</summary>
    public static readonly IReadOnlyList<string> Fragments = LoadFragments();

    public static string FullName(Random random) =>
        $"{Pick(random, Families)} {Pick(random, Middles)} {Pick(random, Givens)}";

    /// <summary>"nguyenvanan" for "Nguyễn Văn An": sign-in names are written without diacritics.</summary>
    public static string Ascii(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && char.IsLetterOrDigit(c))
                sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }

    /// <summary>The index-th made-up commune name: "Diễn An", "Quỳnh An", …, then "Diễn An 2" once the pairs run out.</summary>
    public static string CommuneName(int index) =>
        $"{CommunePrefixes[index % CommunePrefixes.Length]} {CommuneSuffixes[index / CommunePrefixes.Length % CommuneSuffixes.Length]}"
        + (index >= CommunePrefixes.Length * CommuneSuffixes.Length ? $" {index / (CommunePrefixes.Length * CommuneSuffixes.Length) + 1}" : "");

    public static string TaskText(Random random) => Pick(random, Fragments);

    public static string UpdateText(Random random, int percent) =>
        $"{Pick(random, UpdateOpenings)}: {Lower(Pick(random, Fragments))} Kết quả đạt khoảng {percent}% khối lượng công việc.";

    public static string ReportHtml(Random random, int paragraphs) =>
        string.Concat(Enumerable.Range(0, paragraphs).Select(_ => $"<p>{Pick(random, UpdateOpenings)}: {Lower(Pick(random, Fragments))}</p>"));

    public static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string Lower(string sentence) => char.ToLower(sentence[0], CultureInfo.InvariantCulture) + sentence[1..];

    private static List<string> LoadFragments()
    {
        var plan = SeedPlanText.Load();
        var texts = new List<string>();
        void Walk(IEnumerable<SeedNode> nodes)
        {
            foreach (var node in nodes)
            {
                foreach (var part in node.Text.Split(['\n', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    var sentence = part.TrimEnd('.', ',', ':') + ".";
                    if (sentence.Length is >= 40 and <= 400 && char.IsUpper(sentence[0]))
                        texts.Add(sentence);
                }
                Walk(node.Children);
            }
        }
        Walk(plan.Sections);
        return texts;
    }
}
