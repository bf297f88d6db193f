using DonDoc.Features.Plans.Rules;
using DonDoc.Features.Units;

namespace DonDoc.Tests.Features.Import;

/// <summary>The seed plan (UBND tỉnh Nghệ An's plan for NQ 30/NQ-CP), with what it must yield written by hand.</summary>
public sealed class SeedImportTests
{
    private static readonly ImportedPlanHolder Seed = new();

    private sealed class ImportedPlanHolder
    {
        public DonDoc.Features.Import.ImportedPlan Plan { get; } = ImportFixtures.Import("ke-hoach-thuc-hien-nq-30-nq-cp.txt");
    }

    private static DonDoc.Features.Import.ImportedPlan Plan => Seed.Plan;

    [Fact]
    public void Tree_has_the_three_sections_their_items_and_lettered_points()
    {
        Assert.Equal("I,II,III", Plan.Labels());
        Assert.Equal("1,2,3", Plan.Node("I").Labels());
        Assert.Equal("1,2,3,4,5,6,7,8", Plan.Node("II").Labels());
        Assert.Equal("", Plan.Node("II.1").Labels());
        Assert.Equal("a,b,c,d,đ", Plan.Node("II.2").Labels());
        Assert.Equal("a,b,c,d,đ,e", Plan.Node("II.3").Labels());
        Assert.Equal("a,b,c,d", Plan.Node("II.4").Labels());
        Assert.Equal("a,b,c,d,đ", Plan.Node("II.5").Labels());
        Assert.Equal("a,b,c,d,đ", Plan.Node("II.6").Labels());
        Assert.Equal("", Plan.Node("II.7").Labels());
        Assert.Equal("a,b", Plan.Node("II.8").Labels());
        Assert.Equal("1,2,3,4,5,6,7", Plan.Node("III").Labels());
        Assert.Equal("-,-,-,-,-,-", Plan.Node("III.2").Labels());
        Assert.Equal("III.2.-6", Plan.Node("III.2").Children[^1].Path);
        Assert.Equal("MỤC ĐÍCH, YÊU CẦU", Plan.Node("I").Heading);
        Assert.Equal("TỔ CHỨC THỰC HIỆN", Plan.Node("III").Heading);
    }

    [Theory]
    [InlineData("I.2", "các quy định về trách nhiệm nêu gương của cán bộ")]
    [InlineData("II.2.d", "Kế hoạch số 77-KH/TU. Cán bộ, công chức")]
    [InlineData("II.4.c", "của Thủ tướng Chính phủ phê duyệt Đề án phát triển thanh toán")]
    [InlineData("II.5.d", "cải cách hành chính nhà nước giai đoạn 2021-2030; Nghị quyết số 05-NQ/TU")]
    [InlineData("II.6.b", "thực hiện nhiệm vụ được giao, chất lượng giải quyết")]
    [InlineData("II.8.b", "đơn thư khiếu nại đồng người, kéo dài")]
    [InlineData("III.3", "cổ phần hóa doanh nghiệp nhà nước,... để phòng ngừa tham nhũng")]
    public void Paragraphs_cut_by_page_breaks_are_whole(string path, string joined) =>
        Assert.Contains(joined, Plan.Node(path).Text);

    [Fact]
    public void The_second_paragraph_of_II_4_c_stays_in_II_4_c()
    {
        var paragraphs = Plan.Node("II.4.c").Text.Split('\n');
        Assert.Equal(2, paragraphs.Length);
        Assert.StartsWith("Tiếp tục thực hiện đổi mới, nâng cao năng lực", paragraphs[0]);
        Assert.StartsWith("Thực hiện có hiệu quả các biện pháp phòng, chống rửa tiền", paragraphs[1]);
        Assert.DoesNotContain("rửa tiền", Plan.Node("II.4.d").Text);
    }

    [Fact]
    public void The_repeated_title_line_is_one_title_and_the_closing_words_leave_the_last_item()
    {
        Assert.Equal("Kế hoạch", Plan.Document.Kind);
        Assert.Null(Plan.Document.Symbol);
        Assert.StartsWith("Thực hiện Nghị quyết số 30/NQ-CP ngày 11/3/2022", Plan.Document.Title);
        Assert.EndsWith("“tự chuyển hoá”", Plan.Document.Title);
        Assert.Single(Plan.Document.Preamble);
        Assert.EndsWith("ban hành Kế hoạch thực hiện như sau:", Plan.Document.Preamble[0]);
        Assert.StartsWith("Trên đây là Kế hoạch hành động", Assert.Single(Plan.Document.Closing));
        Assert.DoesNotContain("Trên đây", Plan.Node("III.7").Text);
        Assert.Equal("Lê Hồng Vinh", Plan.Document.Signer);
        Assert.Equal(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], Plan.Document.SignatureLines);
        Assert.Equal(8, Plan.Document.Recipients.Count);
        Assert.Equal("Văn phòng Chính phủ", Plan.Document.Recipients[0]);
    }

    [Fact]
    public void Exactly_the_28_numbered_documents_it_cites_are_found_with_their_dates()
    {
        // Read from the seed by hand: every "kind số symbol" it cites, once each, with the date it gives.
        (string Symbol, string Date)[] expected =
        [
            ("30/NQ-CP", "2022-03-11"), ("21-KL/TW", "2021-10-25"), ("03-KH/TW", "2021-12-01"), ("77-KH/TU", "2022-01-24"),
            ("01-KL/TW", "2021-05-18"), ("05-CT/TW", "2016-05-15"), ("37-QĐ/TW", "2021-10-25"), ("2993-QĐ/TU", "2019-07-08"),
            ("132/NQ-CP", "2018-10-24"), ("26-NQ/TW", "2018-05-19"), ("10-KH/TW", "2018-06-06"), ("14-KL/TW", "2021-09-22"),
            ("107/2020/NĐ-CP", "2020-09-14"), ("108/2020/NĐ-CP", "2020-09-14"), ("18-NQ/TW", "2017-10-25"), ("19-NQ/TW", "2017-10-25"),
            ("120/2020/NĐ-CP", "2020-10-07"), ("04/NQ-CP", "2022-01-10"), ("1813/QĐ-TTg", "2021-10-28"), ("60/2021/NĐ-CP", "2021-06-21"),
            ("39-NQ/TW", "2015-04-17"), ("23/CT-TTg", "2021-09-02"), ("05-NQ/TU", "2021-12-14"), ("5158/QĐ-UBND", "2021-12-30"),
            ("01/2021/UBTVQH15", "2021-09-01"), ("26/CT-TTg", "2016-09-05"), ("1847/QĐ-TTg", "2018-12-27"), ("59/2019/NĐ-CP", "2019-07-01"),
        ];
        var found = Plan.References.Select(r => (r.Symbol, r.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "")).ToList();
        Assert.Equal(expected.OrderBy(e => e.Symbol), found.OrderBy(f => f.Symbol));
    }

    [Fact]
    public void References_carry_kind_issuer_and_where_they_are_cited()
    {
        var nq30 = Plan.Reference("30/NQ-CP");
        Assert.Equal("Nghị quyết", nq30.Kind);
        Assert.Equal("Chính phủ", nq30.Issuer);
        Assert.Contains("title", nq30.Paths);
        Assert.Contains("I.1", nq30.Paths);
        Assert.Contains("III.2.-2", nq30.Paths);
        Assert.Equal("Thủ tướng Chính phủ", Plan.Reference("1813/QĐ-TTg").Issuer);
        Assert.Equal("Ủy ban Thường vụ Quốc hội", Plan.Reference("01/2021/UBTVQH15").Issuer);
        Assert.Equal(["II.6.a", "III.2.-4"], Plan.Reference("1847/QĐ-TTg").Paths);
    }

    [Fact]
    public void Section_III_units_are_matched_against_the_registry()
    {
        Assert.Equal(["Sở Nội vụ"], Plan.Assignment("III.2").Lead);
        Assert.Equal(["Sở Kế hoạch và Đầu tư", "Sở Xây dựng", "Sở Tài nguyên và Môi trường", "Sở Tài chính"], Plan.Assignment("III.3").Lead);
        Assert.Contains(Plan.Assignment("III.3").Groups, g => g.Kind == UnitKind.Department);
        Assert.Equal(["Sở Tư pháp"], Plan.Assignment("III.4").Lead);
        Assert.Equal(["Sở Thông tin và Truyền thông"], Plan.Assignment("III.5").Lead);
        Assert.Equal(["Thanh tra tỉnh"], Plan.Assignment("III.6").Lead);
        Assert.Equal(["Công an tỉnh"], Plan.Assignment("III.7").Lead);
        Assert.Equal([UnitKind.Department, UnitKind.District], Plan.Assignment("III.1").Groups.Select(g => g.Kind));
        var sectionIII = Plan.Assignments.Where(a => a.Path.StartsWith("III", StringComparison.Ordinal)).SelectMany(a => a.Lead).Distinct().Order();
        Assert.Equal(new[] { "Công an tỉnh", "Sở Kế hoạch và Đầu tư", "Sở Nội vụ", "Sở Tài chính", "Sở Tài nguyên và Môi trường",
            "Sở Thông tin và Truyền thông", "Sở Tư pháp", "Sở Xây dựng", "Thanh tra tỉnh" }.Order(), sectionIII);
        Assert.All(Plan.Assignments, a => Assert.Empty(a.Unmatched));
    }

    [Fact]
    public void III_1_has_the_yearly_deadline_of_5_December()
    {
        var deadline = Assert.Single(Plan.Deadlines, d => d.Path == "III.1");
        Assert.Equal(ScheduleKind.Yearly, deadline.Kind);
        Assert.Equal(12, deadline.Month);
        Assert.Equal(5, deadline.Day);
        Assert.Equal("Định kỳ trước ngày 05/12 hàng năm", deadline.Phrase);
    }

    [Fact]
    public void Json_has_the_shape_the_screens_read()
    {
        using var json = System.Text.Json.JsonDocument.Parse(Plan.ToJson());
        var root = json.RootElement;
        Assert.Equal("Kế hoạch", root.GetProperty("document").GetProperty("kind").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, root.GetProperty("document").GetProperty("symbol").ValueKind);
        var first = root.GetProperty("nodes")[0];
        Assert.Equal("I", first.GetProperty("label").GetString());
        Assert.Equal("MỤC ĐÍCH, YÊU CẦU", first.GetProperty("heading").GetString());
        Assert.Equal("1", first.GetProperty("children")[0].GetProperty("label").GetString());
        Assert.Equal("2022-03-11", root.GetProperty("references")[0].GetProperty("date").GetString());
        var deadline = root.GetProperty("deadlines").EnumerateArray().First(d => d.GetProperty("path").GetString() == "III.1");
        Assert.Equal("yearly", deadline.GetProperty("kind").GetString());
        Assert.Contains("\"Sở Nội vụ\"", Plan.ToJson()); // readable Vietnamese, not \u escapes
    }
}
