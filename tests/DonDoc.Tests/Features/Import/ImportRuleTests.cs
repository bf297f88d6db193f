using DonDoc.Features.Import;
using DonDoc.Features.Plans.Rules;
using DonDoc.Features.Units;

namespace DonDoc.Tests.Features.Import;

/// <summary>Each rule of the importer on a small document written for it.</summary>
public sealed class ImportRuleTests
{
    private static ImportedPlan Parse(params string[] lines) => ImportFixtures.Parse(string.Join("\n", lines));

    [Fact]
    public void Items_nest_by_their_numbering_not_their_indentation()
    {
        var plan = Parse(
            "I. MỤC ĐÍCH",
            "1. Mục đích thứ nhất.",
            "        a) Điểm a thụt sâu.",
            "b) Điểm b không thụt.",
            "c) Điểm c.", "d) Điểm d.", "đ) Điểm đ.", "e) Điểm e.",
            "  - Gạch đầu dòng.",
            "  + Dấu cộng bên trong.",
            "- Gạch thứ hai.",
            "2. Mục thứ hai có tiểu mục",
            "2.1. Tiểu mục một.",
            "2.2. Tiểu mục hai.",
            "a. Điểm viết kiểu a chấm.",
            "II. NHIỆM VỤ",
            "1. Lại bắt đầu từ một.");
        Assert.Equal("I,II", plan.Labels());
        Assert.Equal("a,b,c,d,đ,e", plan.Node("I.1").Labels());
        Assert.Equal("-,-", plan.Node("I.1.e").Labels());
        Assert.Equal("+", plan.Node("I.1.e.-1").Labels());
        Assert.Equal("I.1.e.-2", plan.Node("I.1.e").Children[1].Path);
        Assert.Equal("2.1,2.2", plan.Node("I.2").Labels());
        Assert.Equal("a", plan.Node("I.2.2.2").Labels());
        Assert.Equal("1", plan.Node("II").Labels());
    }

    [Fact]
    public void A_label_out_of_sequence_is_text_and_unlabelled_paragraphs_belong_to_the_item_before()
    {
        var plan = Parse(
            "I. NỘI DUNG", "",
            "1. Việc thứ nhất.", "",
            "Đoạn thứ hai của việc thứ nhất.", "",
            "7. Con số này ngắt dòng giữa câu nên không phải mục mới.", "",
            "2. Việc thứ hai.");
        Assert.Equal("1,2", plan.Node("I").Labels());
        Assert.Equal(3, plan.Node("I.1").Text.Split('\n').Length);
        Assert.Contains("Đoạn thứ hai của việc thứ nhất.", plan.Node("I.1").Text);
    }

    [Fact]
    public void Hard_wraps_labels_alone_and_cut_headings_are_joined_back()
    {
        var plan = Parse(
            "I. MỤC",
            "ĐÍCH, YÊU CẦU",
            "1.",
            "Mục đích",
            "Xác định phạm vi, trách nhiệm; phân công nhiệm vụ",
            "cho các sở, ban, ngành triển khai thi hành Nghị định.",
            "2. Yêu cầu",
            "- Bảo đảm sự chỉ đạo thống nhất của Ủy",
            "ban nhân dân tỉnh.");
        Assert.Equal("MỤC ĐÍCH, YÊU CẦU", plan.Node("I").Heading);
        Assert.Equal("Mục đích", plan.Node("I.1").Heading);
        Assert.Equal("Xác định phạm vi, trách nhiệm; phân công nhiệm vụ cho các sở, ban, ngành triển khai thi hành Nghị định.", plan.Node("I.1").Text);
        Assert.Equal("Bảo đảm sự chỉ đạo thống nhất của Ủy ban nhân dân tỉnh.", plan.Node("I.2.-1").Text);
    }

    [Fact]
    public void Page_numbers_and_running_headers_between_pages_are_dropped_and_the_cut_paragraph_joined()
    {
        var plan = Parse(
            "I. NỘI DUNG", "",
            "1. Thực hiện nghiêm Kế hoạch số", "",
            "- 2 -", "",
            "CÔNG BÁO TỈNH NGHỆ AN", "",
            "77-KH/TU của Ban Thường vụ Tỉnh ủy.", "",
            "2. Tổ chức sơ kết.", "",
            "Trang 3", "",
            "CÔNG BÁO TỈNH NGHỆ AN", "",
            "3. Tổ chức tổng kết.", "",
            "12", "",
            "CÔNG BÁO TỈNH NGHỆ AN", "",
            "4. Báo cáo kết quả.");
        Assert.Equal("1,2,3,4", plan.Node("I").Labels());
        Assert.Equal("Thực hiện nghiêm Kế hoạch số 77-KH/TU của Ban Thường vụ Tỉnh ủy.", plan.Node("I.1").Text);
        Assert.DoesNotContain(ImportFixtures.Walk(plan.Nodes), n => n.Text.Contains("CÔNG BÁO", StringComparison.Ordinal));
        Assert.Equal("77-KH/TU", Assert.Single(plan.References).Symbol);
    }

    [Fact]
    public void Letterhead_number_date_title_recipients_and_signature_broken_one_cell_per_line()
    {
        var plan = Parse(
            "ỦY BAN NHÂN", "DÂN", "TỈNH NGHỆ AN", "CỘNG HÒA XÃ", "HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
            "Số:", "45/KH-UBND", "Nghệ An, ngày 12", "tháng 4 năm 2022",
            "KẾ HOẠCH", "TRIỂN KHAI CÔNG TÁC", "CẢI CÁCH HÀNH CHÍNH NĂM 2022",
            "I. MỤC ĐÍCH", "1. Nâng cao chất lượng./.",
            "Nơi nhận:", "- Văn phòng Chính phủ;", "- Các sở, ban,", "ngành cấp tỉnh;", "- Lưu: VT.",
            "TM. ỦY BAN NHÂN", "DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A");
        var d = plan.Document;
        Assert.Equal(("Kế hoạch", "45/KH-UBND", new DateOnly(2022, 4, 12), "Nghệ An"), (d.Kind, d.Symbol, d.Date!.Value, d.Place));
        Assert.Equal("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", d.Issuer);
        Assert.Equal("TRIỂN KHAI CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2022", d.Title);
        Assert.Equal(["Văn phòng Chính phủ", "Các sở, ban, ngành cấp tỉnh", "Lưu: VT"], d.Recipients);
        Assert.Equal(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], d.SignatureLines);
        Assert.Equal(("Nguyễn Văn A", "PHÓ CHỦ TỊCH"), (d.Signer, d.SignerPosition));
    }

    [Fact]
    public void A_decision_carrying_a_plan_gives_the_wrapper_kind_and_number_and_the_plan_tree()
    {
        var plan = Parse(
            "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Số: 10/QĐ-UBND\tNghệ An, ngày 05 tháng 01 năm 2024", "",
            "QUYẾT ĐỊNH", "Ban hành Kế hoạch phòng, chống thiên tai năm 2024", "",
            "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", "",
            "Căn cứ Luật Phòng, chống thiên tai số 33/2013/QH13;", "",
            "QUYẾT ĐỊNH:", "",
            "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phòng, chống thiên tai năm 2024.", "",
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.", "",
            "Nơi nhận:", "- Như Điều 2;", "CHỦ TỊCH", "Nguyễn Đức Trung", "",
            "KẾ HOẠCH", "Phòng, chống thiên tai năm 2024", "(Kèm theo Quyết định số 10/QĐ-UBND ngày 05/01/2024)", "",
            "I. MỤC ĐÍCH", "", "1. Chủ động phòng ngừa.", "",
            "II. TỔ CHỨC THỰC HIỆN", "", "1. Sở Nông nghiệp và Phát triển nông thôn chủ trì tổng hợp./.");
        var d = plan.Document;
        Assert.Equal(("Quyết định", "10/QĐ-UBND", "Kế hoạch"), (d.Kind, d.Symbol, d.PlanKind));
        Assert.Equal("Ban hành Kế hoạch phòng, chống thiên tai năm 2024", d.Title);
        Assert.Equal("Phòng, chống thiên tai năm 2024", d.PlanTitle);
        Assert.Equal("Nguyễn Đức Trung", d.Signer);
        Assert.Equal("I,II", plan.Labels());
        Assert.Contains(d.Preamble, p => p.StartsWith("Điều 1.", StringComparison.Ordinal));
        Assert.Equal(["Sở Nông nghiệp và Phát triển nông thôn"], plan.Assignment("II.1").Lead);
        Assert.Equal("Luật", plan.Reference("33/2013/QH13").Kind);
    }

    [Fact]
    public void Citations_in_every_written_form_one_entry_per_document()
    {
        var plan = Parse(
            "I. CĂN CỨ",
            "1. Nghị quyết số 18-NQ/TW và Nghị quyết số 19-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương.",
            "2. Nghị quyết số 30/NQ-CP ngày 11 tháng 3 năm 2022 của Chính phủ về phát triển.",
            "3. Nghị định số 59/2019/NĐ-CP ngày 01/7/2019, Nghị quyết số 01/2021/UBTVQH15 ngày 01/9/2021 và Quyết định số 5158/QĐ-UBND.",
            "4. Tiếp tục thực hiện Nghị quyết số 30/NQ-CP; Kết luận số 21-KL/TW ngày 25/10/2021; Nghị định số 144/2021/NĐ- CP ngày 31/12/2021.",
            "5. Kế hoạch 310/KH-UBND ngày 21/8/2024 và văn bản số 1552/BTTTT-TTH và 708/BTTTT-CATTT.");
        Assert.Equal(["18-NQ/TW", "19-NQ/TW", "30/NQ-CP", "59/2019/NĐ-CP", "01/2021/UBTVQH15", "5158/QĐ-UBND", "21-KL/TW", "144/2021/NĐ-CP", "310/KH-UBND", "1552/BTTTT-TTH", "708/BTTTT-CATTT"],
            plan.References.Select(r => r.Symbol));
        Assert.Equal(new DateOnly(2017, 10, 25), plan.Reference("18-NQ/TW").Date);
        Assert.Equal("Ban Chấp hành Trung ương", plan.Reference("18-NQ/TW").Issuer);
        var nq30 = plan.Reference("30/NQ-CP");
        Assert.Equal((new DateOnly(2022, 3, 11), "Chính phủ", "Nghị quyết"), (nq30.Date!.Value, nq30.Issuer, nq30.Kind));
        Assert.Equal(["I.2", "I.4"], nq30.Paths);
        Assert.Null(plan.Reference("5158/QĐ-UBND").Date);
        Assert.Equal("Văn bản", plan.Reference("708/BTTTT-CATTT").Kind);
    }

    [Fact]
    public void Units_match_by_name_and_alias_ignoring_case_and_diacritics_lists_expand_groups_resolve_and_strangers_are_reported()
    {
        var plan = Parse(
            "I. TỔ CHỨC THỰC HIỆN",
            "1. SỞ TƯ PHÁP chủ trì, phối hợp với Sở TN&MT và Uỷ ban nhân dân các huyện, thành phố, thị xã rà soát văn bản.",
            "2. Các Sở: Kế hoạch và Đầu tư, Xây dựng, Tài chính và các sở, ban, ngành có liên quan nghiên cứu đề xuất.",
            "3. So Noi vu có trách nhiệm tổng hợp, báo cáo.",
            "4. Hội Nông dân tỉnh, Sở Du lịch phối hợp với UBND cấp xã tổ chức tuyên truyền.",
            "5. Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh tham gia giám sát.");
        var first = plan.Assignment("I.1");
        Assert.Equal(["Sở Tư pháp"], first.Lead);
        Assert.Equal(["Sở Tài nguyên và Môi trường"], first.Support);
        Assert.Equal([(AssignmentRole.Support, UnitKind.District)], first.Groups.Select(g => (g.Role, g.Kind)));
        Assert.Equal(["Sở Kế hoạch và Đầu tư", "Sở Xây dựng", "Sở Tài chính"], plan.Assignment("I.2").Lead);
        Assert.Equal([UnitKind.Department], plan.Assignment("I.2").Groups.Select(g => g.Kind));
        Assert.Equal(["Sở Nội vụ"], plan.Assignment("I.3").Lead);
        var fourth = plan.Assignment("I.4");
        Assert.Equal(["Sở Du lịch"], fourth.Lead);
        Assert.Equal(["Hội Nông dân tỉnh"], fourth.Unmatched);
        Assert.Equal([(AssignmentRole.Support, UnitKind.Commune)], fourth.Groups.Select(g => (g.Role, g.Kind)));
        Assert.Contains(plan.Warnings, w => w.Contains("Hội Nông dân tỉnh", StringComparison.Ordinal));
        var asked = plan.Assignment("I.5");
        Assert.Empty(asked.Lead);
        Assert.Equal(["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"], asked.Requested);
    }

    [Fact]
    public void Labelled_lines_under_a_task_give_its_lead_support_and_deadline()
    {
        var plan = Parse(
            "II. NHIỆM VỤ", "",
            "1. Xây dựng cơ sở dữ liệu về cán bộ", "",
            "- Cơ quan chủ trì: Sở Nội vụ.", "",
            "- Đơn vị phối hợp: Sở Tài chính; Sở Thông tin và Truyền thông.", "",
            "- Thời gian hoàn thành: trước ngày 30/6/2023.", "",
            "2. Tập huấn nghiệp vụ", "",
            "a) Cơ quan chủ trì", "", "- Sở Giáo dục và Đào tạo.", "",
            "b) Cơ quan phối hợp", "", "- Sở Y tế.", "",
            "c) Thời gian thực hiện: Quý II/2023 và thường xuyên.");
        var first = plan.Assignment("II.1");
        Assert.Equal(["Sở Nội vụ"], first.Lead);
        Assert.Equal(["Sở Tài chính", "Sở Thông tin và Truyền thông"], first.Support);
        Assert.Equal(new DateOnly(2023, 6, 30), Assert.Single(plan.Deadlines, d => d.Path == "II.1").Date);
        Assert.Equal(["Sở Giáo dục và Đào tạo"], plan.Assignment("II.2").Lead);
        Assert.Equal(["Sở Y tế"], plan.Assignment("II.2").Support);
        Assert.Equal([(ScheduleKind.Fixed, "Quý II/2023"), (ScheduleKind.Continuous, "thường xuyên")],
            plan.Deadlines.Where(d => d.Path == "II.2").Select(d => (d.Kind, d.Phrase)));
    }

    [Theory]
    [InlineData("Định kỳ trước ngày 05/12 hàng năm báo cáo kết quả.", "Định kỳ trước ngày 05/12 hàng năm", ScheduleKind.Yearly, null, 12, 5, 12)]
    [InlineData("Hoàn thành trong quý II/2022.", "trong quý II/2022", ScheduleKind.Fixed, "2022-06-30", null, null, null)]
    [InlineData("Báo cáo trước ngày 30/6/2023.", "trước ngày 30/6/2023", ScheduleKind.Fixed, "2023-06-30", null, null, null)]
    [InlineData("Báo cáo trước ngày 15 tháng 7 năm 2024.", "trước ngày 15 tháng 7 năm 2024", ScheduleKind.Fixed, "2024-07-15", null, null, null)]
    [InlineData("Gửi báo cáo định kỳ hằng quý về Sở Nội vụ.", "định kỳ hằng quý", ScheduleKind.Quarterly, null, null, null, 3)]
    [InlineData("Định kỳ 6 tháng báo cáo kết quả.", "Định kỳ 6 tháng", ScheduleKind.Yearly, null, null, null, 6)]
    [InlineData("Báo cáo chậm nhất ngày 17 tháng 12.", "chậm nhất ngày 17 tháng 12", ScheduleKind.Yearly, null, 12, 17, 12)]
    [InlineData("Xây dựng kế hoạch trong tháng 01 năm 2025.", "trong tháng 01 năm 2025", ScheduleKind.Fixed, "2025-01-31", null, null, null)]
    public void Deadline_phrases_become_schedule_kinds_and_keep_their_words(string text, string phrase, ScheduleKind kind, string? date, int? month, int? day, int? period)
    {
        var deadline = Assert.Single(DeadlineReader.Read(text, "1", field: false));
        Assert.Equal((phrase, kind, date is null ? (DateOnly?)null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), month, day, period),
            (deadline.Phrase, deadline.Kind, deadline.Date, deadline.Month, deadline.Day, deadline.PeriodMonths));
    }

    [Fact]
    public void Standing_duties_in_running_text_are_not_deadlines_but_in_a_deadline_column_they_are()
    {
        Assert.Empty(DeadlineReader.Read("Thường xuyên rà soát văn bản quy phạm pháp luật hàng năm.", "1", field: false));
        Assert.Equal(ScheduleKind.Continuous, Assert.Single(DeadlineReader.Read("Thường xuyên", "1", field: true)).Kind);
        Assert.Equal(new DateOnly(2025, 12, 31), Assert.Single(DeadlineReader.Read("2025", "1", field: true)).Date);
        Assert.Equal(new DateOnly(2025, 6, 30), Assert.Single(DeadlineReader.Read("6/2025", "1", field: true)).Date);
    }

    [Fact]
    public void A_tab_separated_task_table_becomes_tasks_with_their_columns()
    {
        var plan = Parse(
            "KẾ HOẠCH", "THỰC HIỆN CHUYỂN ĐỔI SỐ", "",
            "I. NHIỆM VỤ", "", "1. Triển khai các nhiệm vụ tại Phụ lục./.", "",
            "PHỤ LỤC", "DANH MỤC NHIỆM VỤ", "",
            "TT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\tSản phẩm",
            "I\tHoàn thiện thể chế\t\t\t\t",
            "1\tBan hành quy chế chia sẻ dữ liệu theo Nghị định số 47/2020/NĐ-CP\tSở Khoa học và Công nghệ\tSở Tư pháp; UBND các xã, phường\tQuý IV/2025\tQuyết định",
            "\tvà hướng dẫn thực hiện\t\t\t\t",
            "2\tTập huấn cán bộ\tSở Nội vụ\tCác sở, ban, ngành\tHằng năm\tLớp tập huấn");
        Assert.Equal(2, plan.Tasks.Count);
        var first = plan.Tasks[0];
        Assert.Equal(("PL1.I.1", "I", "1"), (first.Path, first.Group, first.Label));
        Assert.Equal("Ban hành quy chế chia sẻ dữ liệu theo Nghị định số 47/2020/NĐ-CP và hướng dẫn thực hiện", first.Text);
        Assert.Equal(["Sở Khoa học và Công nghệ"], first.Lead);
        Assert.Equal(["Sở Tư pháp"], first.Support);
        Assert.Equal([(AssignmentRole.Support, UnitKind.Commune)], first.Groups.Select(g => (g.Role, g.Kind)));
        Assert.Equal(new DateOnly(2025, 12, 31), first.Deadline!.Date);
        Assert.Equal("Quyết định", first.Product);
        Assert.Equal(ScheduleKind.Yearly, plan.Tasks[1].Deadline!.Kind);
        Assert.Equal(["PL1.I.1"], plan.Reference("47/2020/NĐ-CP").Paths);
        Assert.Contains(plan.Assignments, a => a.Path == "PL1.I.2" && a.Lead.SequenceEqual(["Sở Nội vụ"]));
    }

    [Fact]
    public void A_task_table_copied_one_cell_per_line_is_read_by_what_its_cells_look_like()
    {
        var plan = Parse(
            "KẾ HOẠCH", "THỰC HIỆN NHIỆM VỤ", "I. NỘI DUNG", "1. Theo Phụ lục./.",
            "PHỤ LỤC", "DANH MỤC NHIỆM VỤ",
            "TT", "Nội dung thực", "hiện", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn", "thành", "Sản phẩm dự kiến",
            "I", "KIỆN TOÀN BỘ MÁY",
            "1", "Tổ chức lại Ban Chỉ đạo cấp tỉnh,", "cấp xã", "Sở Nội vụ; UBND", "cấp xã", "Sở Tài chính và cơ", "quan liên quan", "Trước ngày", "30/11/2025", "Quyết định của Chủ", "tịch UBND tỉnh",
            "2", "Hướng dẫn thống kê", "Sở Khoa học và", "Công nghệ", "Cơ quan liên quan", "Thường xuyên");
        Assert.Equal(2, plan.Tasks.Count);
        var first = plan.Tasks[0];
        Assert.Equal("Tổ chức lại Ban Chỉ đạo cấp tỉnh, cấp xã", first.Text);
        Assert.Equal(("Sở Nội vụ; UBND cấp xã", "Sở Tài chính và cơ quan liên quan", "Trước ngày 30/11/2025", "Quyết định của Chủ tịch UBND tỉnh"),
            (first.LeadText, first.SupportText, first.DeadlineText, first.Product));
        Assert.Equal(["Sở Nội vụ"], first.Lead);
        Assert.Equal(new DateOnly(2025, 11, 30), first.Deadline!.Date);
        var second = plan.Tasks[1];
        Assert.Equal(["Sở Khoa học và Công nghệ"], second.Lead);
        Assert.Equal(ScheduleKind.Continuous, second.Deadline!.Kind);
    }
}
