using DonDoc.Features.Import;
using DonDoc.Features.Plans.Rules;
using DonDoc.Features.Units;

namespace DonDoc.Tests.Features.Import;

/// <summary>
/// The eleven real plans of the corpus, each with what a reader finds in it written by hand: sections, items,
/// cited documents, who is assigned (or reported as matching no unit) and deadlines. Units are matched against
/// Nghệ An's demo registry, so other provinces' agencies are partly unmatched by design.
/// </summary>
public sealed class CorpusImportTests
{
    private static ImportedPlan Import(string file) => ImportFixtures.Import(file);

    private static string Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    [Fact]
    public void Nghe_An_980_civil_defence_plan_with_its_appendix_table()
    {
        var plan = Import("01-nghean-980-kh-phong-thu-dan-su.txt");
        Assert.Equal(("Kế hoạch", "980/KH-UBND", "2025-11-18"), (plan.Document.Kind, plan.Document.Symbol, Iso(plan.Document.Date)));
        Assert.Equal("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", plan.Document.Issuer);
        Assert.Equal("Nguyễn Văn Đệ", plan.Document.Signer);
        Assert.Equal("I,II,III,IV", plan.Labels());
        Assert.Equal("1,2", plan.Node("I").Labels());
        Assert.Equal("Mục đích", plan.Node("I.1").Heading);
        Assert.Equal("-,-,-", plan.Node("I.2").Labels());
        Assert.Equal("1,2,3,4,5,6,7,8", plan.Node("II").Labels());
        Assert.Equal("1,2,3,4,5", plan.Node("IV").Labels());
        Assert.Equal("2025-09-04", Iso(plan.Reference("1899/QĐ-TTg").Date));
        Assert.Equal("2025-07-09", Iso(plan.Reference("200/2025/NĐ-CP").Date));
        Assert.Equal("Thông tư", plan.Reference("92/2009/TT-BTC").Kind);
        Assert.Equal("2020-10-01", Iso(plan.Reference("85/2020/TT-BTC").Date));
        Assert.Equal(["Bộ Chỉ huy Quân sự tỉnh"], plan.Assignment("IV.2").Lead);
        Assert.Equal(["Sở Tài chính"], plan.Assignment("IV.4").Lead);
        Assert.Contains(plan.Assignment("IV.4").Groups, g => g.Kind == UnitKind.Commune);

        // 18 rows: I has 1, II has 8, five rows after the elision, VII and VIII two each.
        Assert.Equal(18, plan.Tasks.Count);
        var first = plan.Tasks[0];
        Assert.Equal("PL1.I.1", first.Path);
        Assert.StartsWith("Tổ chức lại Ban Chỉ huy Phòng thủ dân sự cấp tỉnh, cấp xã", first.Text);
        Assert.Equal(["Bộ Chỉ huy Quân sự tỉnh"], first.Lead);
        Assert.Equal(new DateOnly(2025, 11, 30), first.Deadline!.Date);
        Assert.StartsWith("Quyết định của Chủ tịch UBND", first.Product);
        var health = Assert.Single(plan.Tasks, t => t.Lead.Contains("Sở Y tế"));
        Assert.Equal(["Sở Tài chính"], health.Support);
        Assert.Equal("2025", health.DeadlineText);
        Assert.Contains(plan.Tasks, t => t.Unmatched.Contains("Ban Chỉ huy Phòng thủ dân sự tỉnh"));
        Assert.Contains(plan.Tasks, t => t.Deadline is { Kind: ScheduleKind.Continuous });
        Assert.Contains(plan.Tasks, t => t.Deadline is { Kind: ScheduleKind.Yearly, Month: 12 });
    }

    [Fact]
    public void Dong_Thap_617_digital_transformation_plan()
    {
        var plan = Import("02-dongthap-617-kh-chuyen-doi-so-doanh-nghiep.txt");
        Assert.Equal(("617/KH-UBND", "2025-12-01", "Đồng Tháp"), (plan.Document.Symbol, Iso(plan.Document.Date), plan.Document.Place));
        Assert.Equal("I,II,III,IV", plan.Labels());
        Assert.Equal("a,b,c,d,đ", plan.Node("II.1").Labels());
        Assert.Equal("a,b,c,d,đ,e,g,h", plan.Node("III.2").Labels());
        Assert.Equal("1,2,3,4,5,6,7", plan.Node("IV").Labels());
        Assert.Equal(["Sở Khoa học và Công nghệ"], plan.Assignment("IV.1").Lead);
        Assert.Equal(["Sở Văn hóa, Thể thao và Du lịch"], plan.Assignment("IV.4").Lead);
        var asked = plan.Assignment("IV.6");
        Assert.Empty(asked.Lead);
        Assert.Equal(["Hiệp hội Doanh nghiệp tỉnh", "Hội Nông dân tỉnh", "Liên minh Hợp tác xã Tỉnh"], asked.Requested);
        Assert.Equal(3, asked.Unmatched.Count);
        var twice = plan.Deadlines.Where(d => d.Path == "IV.7").Select(d => (d.Kind, d.Month, d.Day)).ToList();
        Assert.Equal([(ScheduleKind.Yearly, 6, 1), (ScheduleKind.Yearly, 11, 15)], twice);
        Assert.Equal(["283/KH-UBND", "71/NQ-CP", "10-CTr/TU", "57-NQ/TW", "80/2021/NĐ-CP"], plan.References.Select(r => r.Symbol));
        Assert.Equal(11, plan.Tasks.Count);
        Assert.Equal(["Sở Nội vụ"], plan.Tasks.Single(t => t.Label == "3").Lead);
        Assert.Equal(new DateOnly(2025, 12, 31), plan.Tasks.Single(t => t.Label == "4").Deadline!.Date);
        Assert.Equal(["PL1.I.1", "PL1.II.4", "PL1.III.8", "PL1.IV.9"], plan.Tasks.Where(t => t.Label is "1" or "4" or "8" or "9").Select(t => t.Path));
    }

    [Fact]
    public void Son_La_254_decision_carrying_the_plan()
    {
        var plan = Import("05-sonla-254-qd-kh-bao-ve-bmnn-2023.txt");
        Assert.Equal(("Quyết định", "254/QĐ-UBND", "2023-02-17"), (plan.Document.Kind, plan.Document.Symbol, Iso(plan.Document.Date)));
        Assert.Equal("Kế hoạch", plan.Document.PlanKind);
        Assert.Equal("THỰC HIỆN CÔNG TÁC BẢO VỆ BÍ MẬT NHÀ NƯỚC NĂM 2023", plan.Document.PlanTitle);
        Assert.Equal("Hoàng Quốc Khánh", plan.Document.Signer);
        Assert.Contains("Bộ Công an (Cục A03 - để b/c)", plan.Document.Recipients);
        Assert.Equal("I,II,III,IV", plan.Labels());
        Assert.Equal("1,2,3,4,5,6,7,8", plan.Node("II").Labels());
        Assert.Equal("1,2,3,4,5,6", plan.Node("III").Labels());
        Assert.Equal(["Công an tỉnh"], plan.Assignment("III.1").Lead);
        Assert.Equal(["Văn phòng Ủy ban nhân dân tỉnh"], plan.Assignment("III.2").Lead);
        Assert.Equal(["Công an tỉnh"], plan.Assignment("III.2").Support);
        Assert.Equal(["Công an tỉnh"], plan.Assignment("IV.3").Lead); // "Giao Công an tỉnh chủ trì"
        Assert.Equal(["Văn phòng Ủy ban nhân dân tỉnh", "Sở Tư pháp"], plan.Assignment("II.6").Support);
        Assert.Equal([new DateOnly(2023, 2, 28), new DateOnly(2023, 11, 10)], plan.Deadlines.Where(d => d.Path == "IV.1").Select(d => d.Date!.Value));
        // The same symbol with two different dates is two directives.
        Assert.Equal(["2018-07-04", "2019-11-15"], plan.References.Where(r => r.Symbol == "02/CT-TTg").Select(r => Iso(r.Date)).Order());
        Assert.Contains("preamble", plan.Reference("26/2020/NĐ-CP").Paths);
        Assert.Equal("Tờ trình", plan.Reference("02/TTr-CAT-ANCTNB").Kind);
    }

    [Fact]
    public void Can_Tho_165_plan_by_agency_with_footnotes()
    {
        var plan = Import("06-cantho-165-kh-ct27-dan-so.txt");
        Assert.Equal(("165/KH-UBND", "2025-11-21"), (plan.Document.Symbol, Iso(plan.Document.Date)));
        Assert.Equal("I,II,III", plan.Labels());
        Assert.Equal("1,2,3,4,5,6,7", plan.Node("II").Labels());
        Assert.Equal("a,b,c,d,đ,e,g", plan.Node("II.1").Labels());
        Assert.Equal(["Sở Y tế"], plan.Assignment("II.1").Lead);
        Assert.Equal(["Sở Giáo dục và Đào tạo"], plan.Assignment("II.3").Lead);
        Assert.Contains("Sở Văn hóa, Thể thao và Du lịch", plan.Assignment("II.4").Lead);
        Assert.Equal(["Ủy ban Mặt trận Tổ quốc Việt Nam thành phố"], plan.Assignment("II.7").Requested);
        Assert.Contains(plan.Assignment("II.6").Groups, g => g.Kind == UnitKind.Commune && g.Role == AssignmentRole.Lead);
        Assert.Equal(["Nguyễn Thị Ngọc Điệp"], [plan.Document.Signer]);
        Assert.Equal(["[2]"], plan.Reference("1679/QĐ-TTg").Paths);
        Assert.Contains("[1]", plan.Reference("30-CTr/TU").Paths);
        Assert.Equal("2023-12-31", Iso(plan.Reference("34/2023/TT-BYT").Date));
        Assert.Equal("Văn phòng Chính phủ", plan.Reference("157/TB-VPCP").Issuer);
        Assert.StartsWith("Trên đây là Kế hoạch thực hiện Chỉ thị số 27/CT-TTg", Assert.Single(plan.Document.Closing));
    }

    [Fact]
    public void Dong_Thap_556_six_sections_and_thirteen_agencies()
    {
        var plan = Import("07-dongthap-556-kh-nq48-cp-tai-nguyen-moi-truong.txt");
        Assert.Equal("I,II,III,IV,V,VI", plan.Labels());
        Assert.Equal("Mục đích", plan.Node("I.1").Heading);
        Assert.Equal("1,2,3,4,5,6,7,8,9,10,11", plan.Node("III").Labels());
        Assert.Equal("a,b,c,d", plan.Node("III.3").Labels());
        Assert.Equal("-,-,-,+,+,+,+,+", string.Join(",", plan.Node("III.3.a").Children.Select(c => c.Label).Concat(plan.Node("III.3.a.-3").Children.Select(c => c.Label))));
        Assert.Equal("1,2,3,4,5,6,7,8,9,10,11,12,13", plan.Node("IV").Labels());
        Assert.Equal(["Sở Nông nghiệp và Môi trường"], plan.Assignment("IV.1").Lead);
        Assert.Equal(["Bộ Chỉ huy Quân sự tỉnh"], plan.Assignment("IV.9").Lead);
        Assert.Equal(["Công an tỉnh"], plan.Assignment("IV.10").Lead);
        Assert.Contains("Ban Quản lý Khu kinh tế tỉnh", plan.Assignment("IV.11").Unmatched);
        Assert.Equal(["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"], plan.Assignment("VI.3").Requested);
        Assert.Contains(plan.Deadlines, d => d.Path == "VI.4" && d is { Kind: ScheduleKind.Yearly, Month: 12, Day: 17 });
        Assert.Equal(["48/NQ-CP", "36-NQ/TW", "26/NQ-CP", "310/KH-UBND", "371/KH-UBND"], plan.References.Select(r => r.Symbol));
        Assert.Equal(2, plan.Document.Closing.Count);
    }

    [Fact]
    public void Ho_Chi_Minh_City_2820_decision_plan_and_appendix()
    {
        var plan = Import("09-hcm-2820-qd-kh-csdl-quy-hoach.txt");
        Assert.Equal(("Quyết định", "2820/QĐ-UBND", "Thành phố Hồ Chí Minh"), (plan.Document.Kind, plan.Document.Symbol, plan.Document.Place));
        Assert.Equal("Kế hoạch", plan.Document.PlanKind);
        Assert.Equal("Nguyễn Lộc Hà", plan.Document.Signer);
        Assert.Equal("I,II,III,IV", plan.Labels());
        Assert.Equal("1,2,3,4,5", plan.Node("III").Labels());
        Assert.Equal("1,2,3,4,5,6,7,8", plan.Node("IV").Labels());
        Assert.Equal(["Sở Tài chính"], plan.Assignment("IV.1").Lead);
        Assert.Equal(["Sở Khoa học và Công nghệ", "Sở Nội vụ"], plan.Assignment("IV.2").Lead);
        Assert.Contains("Công an Thành phố", plan.Assignment("IV.3").Unmatched);
        Assert.Equal("2025-01-09", Iso(plan.Reference("03/NQ-CP").Date));
        Assert.Equal("Luật", plan.Reference("60/2024/QH15").Kind);
        Assert.Equal("2025-08-28", Iso(plan.Reference("66.2/2025/NQ-CP").Date));
        Assert.Equal("2025-07-01", Iso(plan.Reference("01/2025/QĐ-UBND").Date));
        Assert.True(plan.Tasks.Count >= 24);
        var first = plan.Tasks[0];
        Assert.Equal(("PL1.I.1", new DateOnly(2025, 12, 31)), (first.Path, first.Deadline!.Date!.Value));
        Assert.Equal(["Sở Tài chính"], first.Lead);
        Assert.Equal([UnitKind.Department, UnitKind.Commune], first.Groups.Select(g => g.Kind));
        Assert.Contains(plan.Deadlines, d => d.Path == "IV.7.-3" && d.Kind == ScheduleKind.Quarterly);
    }

    [Fact]
    public void Government_resolution_03_with_its_programme_and_tab_tables()
    {
        var plan = Import("11-chinhphu-nq03-cp-2025-cthd-nq57.txt");
        Assert.Equal(("Nghị quyết", "03/NQ-CP", "2025-01-09"), (plan.Document.Kind, plan.Document.Symbol, Iso(plan.Document.Date)));
        Assert.Equal("Chương trình hành động", plan.Document.PlanKind);
        Assert.Equal("Nguyễn Hòa Bình", plan.Document.Signer);
        Assert.Equal("I,II,III", plan.Labels());
        Assert.Equal("1,2,3,4,5,6,7", plan.Node("II").Labels());
        Assert.Equal("a,b,c,d,đ,e,g,h,i,k,l,m,n,o,p", plan.Node("II.1").Labels());
        Assert.Equal("1,2,3,4,5,6", plan.Node("III").Labels());
        Assert.Equal(["Bộ Khoa học và Công nghệ", "Bộ Thông tin và Truyền thông"], plan.Assignment("III.4").Unmatched);
        Assert.Equal([(6, 15), (12, 1)], plan.Deadlines.Where(d => d.Path == "III.3" && d.Kind == ScheduleKind.Yearly && d.Day is not null).Select(d => (d.Month!.Value, d.Day!.Value)));
        Assert.Contains(plan.Tasks, t => t.Path == "PL2.I.1" && t.LeadText == "Bộ Thông tin và Truyền thông");
        Assert.Contains(plan.Tasks, t => t.Path == "PL2.I.5" && t.Deadline!.Date == new DateOnly(2025, 6, 30));
        Assert.True(plan.Tasks.Count(t => t.Path.StartsWith("PL2.", StringComparison.Ordinal)) >= 130);
        Assert.Equal("2023-11-24", Iso(plan.Reference("45-NQ/TW").Date));
    }

    [Fact]
    public void National_Assembly_party_delegation_3260_with_dotted_numbers()
    {
        var plan = Import("12-ddqh-3260-kh-ddqh15-nq57.txt");
        Assert.Equal(("3260-KH/ĐĐQH15", "2025-01-10", "ĐẢNG ĐOÀN QUỐC HỘI"), (plan.Document.Symbol, Iso(plan.Document.Date), plan.Document.Issuer));
        Assert.Equal("Trần Thanh Mẫn", plan.Document.Signer);
        Assert.Equal("I,II,III", plan.Labels());
        Assert.Equal("2.1,2.2", plan.Node("II.2").Labels());
        Assert.Equal("a,b,c,d,e,g,h,i,k,l,m,n,o,p", plan.Node("II.2.2.2").Labels());
        Assert.Equal("*,*,*", plan.Node("I.1").Labels());
        Assert.Equal("1,2,3", plan.Node("III").Labels());
        Assert.Contains("Ban Dân nguyện", plan.Assignment("II.2.2.2.n").Unmatched);
        Assert.Contains("Tổ đảng ở Thường trực Ủy ban KH,CN&MT", plan.Assignment("II.2.2.2.a").Unmatched);
        Assert.Equal("57-NQ/TW", Assert.Single(plan.References).Symbol);
    }

    [Fact]
    public void Steering_committee_252_with_lettered_parts_and_labelled_lines()
    {
        var plan = Import("13-bcdqg1237-252-kh-quy-tap-hai-cot-liet-si-2013.txt");
        Assert.Equal(("252/KH-BCĐQG1237", "2013-11-11"), (plan.Document.Symbol, Iso(plan.Document.Date)));
        Assert.Equal("Nguyễn Thiện Nhân", plan.Document.Signer);
        Assert.Equal("A,B,C,D", plan.Labels());
        Assert.Equal("I,II,III,IV,V,VI,VII,VIII,IX", plan.Node("B").Labels());
        Assert.Equal("1,2,4", plan.Node("B.V").Labels()); // the document skips 3
        Assert.Equal("1,2,3,4,5,6,7,8", plan.Node("C").Labels());
        Assert.Equal("1,2,3,4,5,6,7", plan.Node("D").Labels());
        var first = plan.Assignment("B.I");
        Assert.Contains("Ban Chỉ đạo quốc gia", first.Unmatched);
        Assert.Contains("Hội Cựu chiến binh các cấp", first.Unmatched);
        Assert.Contains("Bộ Quốc phòng", plan.Assignment("B.VIII").Unmatched);
        Assert.Equal([(ScheduleKind.Fixed, new DateOnly(2013, 12, 31)), (ScheduleKind.Continuous, (DateOnly?)null)],
            plan.Deadlines.Where(d => d.Path == "B.I").Select(d => (d.Kind, d.Date)));
        Assert.Equal(["24-CT/TW", "1237/QĐ-TTg", "1753/QĐ-TTg"], plan.References.Select(r => r.Symbol));
    }

    [Fact]
    public void Lai_Chau_7360_plan_with_labelled_lines()
    {
        var plan = Import("14-laichau-7360-kh-luat-tieu-chuan-qckt.txt");
        Assert.Equal(("7360/KH-UBND", "2025-11-19"), (plan.Document.Symbol, Iso(plan.Document.Date)));
        Assert.Equal("I,II,III,IV", plan.Labels());
        Assert.Equal("1,2,3,4,5,6", plan.Node("II").Labels());
        Assert.Equal("3.1,3.2", plan.Node("II.3").Labels());
        Assert.Equal(["Sở Khoa học và Công nghệ"], plan.Assignment("II.4").Lead);
        Assert.Contains(plan.Assignment("II.4").Groups, g => g.Role == AssignmentRole.Support && g.Kind == UnitKind.Commune);
        Assert.Equal(["Sở Khoa học và Công nghệ"], plan.Assignment("II.3.3.1.a").Lead);
        Assert.Equal(["Sở Khoa học và Công nghệ", "Sở Tư pháp", "Sở Văn hóa, Thể thao và Du lịch"], plan.Assignment("II.1").Lead);
        Assert.Equal(new DateOnly(2025, 12, 31), plan.Deadlines.Single(d => d.Path == "II.1").Date);
        Assert.Equal(new DateOnly(2026, 12, 31), plan.Deadlines.Single(d => d.Path == "II.4").Date);
        Assert.Equal("Nghị định", plan.Reference("80/2025/NĐ-CP").Kind);
        Assert.Equal("Tống Thanh Hải", plan.Document.Signer);
    }

    [Fact]
    public void Ho_Chi_Minh_City_172_employment_law_plan()
    {
        var plan = Import("15-hcm-172-kh-luat-viec-lam.txt");
        Assert.Equal(("172/KH-UBND", "2025-11-18"), (plan.Document.Symbol, Iso(plan.Document.Date)));
        Assert.Equal("I,II,III,IV", plan.Labels());
        Assert.Equal("1,2,3,4", plan.Node("II").Labels());
        Assert.Equal(["Sở Nội vụ", "Sở Giáo dục và Đào tạo", "Sở Tài chính"], plan.Assignment("II.2").Lead);
        Assert.Contains("Bảo hiểm xã hội Thành phố", plan.Assignment("II.2").Unmatched);
        Assert.Equal(["Sở Nội vụ"], plan.Assignment("IV.1").Lead);
        Assert.Equal(new DateOnly(2026, 12, 31), plan.Deadlines.Single(d => d.Path == "II.4").Date);
        Assert.Equal("1850/QĐ-TTg", Assert.Single(plan.References).Symbol);
        Assert.Equal("Trần Thị Diệu Thúy", plan.Document.Signer);
    }
}
