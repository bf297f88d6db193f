using DonDoc.Documents;

namespace DonDoc.Tests.Documents;

/// <summary>
/// The two documents the reports and urging features write, as a caller builds them: the province's yearly
/// report on its plan, and a công văn urging units that are late.
/// </summary>
public static class SampleDocuments
{
    public const string ReportTitle = "Kết quả thực hiện Kế hoạch số 77/KH-UBND ngày 10/02/2022 của UBND tỉnh thực hiện Nghị quyết số 30/NQ-CP của Chính phủ năm 2025";

    public static readonly string[] ReportUnits =
        ["Sở Nội vụ", "Sở Tài chính", "Sở Tư pháp", "Thanh tra tỉnh", "UBND thành phố Vinh", "UBND huyện Kỳ Sơn"];

    public static OfficialDocument Report(int? number = 123) => new()
    {
        Issuer = new Issuer(["Ủy ban nhân dân", "tỉnh Nghệ An"]),
        Number = new DocumentNumber(number, "BC-UBND"),
        Date = DateLine.On("Nghệ An", new DateOnly(2025, 12, 15)),
        Title = DocumentTitle.Typed("Báo cáo", ReportTitle),
        Body = ReportBody(),
        Signature = new Signature(["TM. Ủy ban nhân dân", "KT. Chủ tịch", "Phó Chủ tịch"], "Nguyễn Văn Đệ"),
        Distribution = new Distribution(
            ["Bộ Nội vụ (để b/c)", "Thường trực Tỉnh ủy (để b/c)", "Thường trực HĐND tỉnh", "Chủ tịch, các PCT UBND tỉnh",
             "Các sở, ban, ngành cấp tỉnh", "UBND các huyện, thành phố, thị xã", "Chánh VP, các PCVP UBND tỉnh"],
            "TH (2b)"),
        Appendices =
        [
            new Appendix("Tổng hợp chỉ tiêu thực hiện của các đơn vị năm 2025", [IndicatorTable()])
            {
                Note = "(Kèm theo Báo cáo số 123/BC-UBND ngày 15/12/2025 của UBND tỉnh Nghệ An)",
                Landscape = true,
            },
            new Appendix("Tình hình nộp báo cáo của các đơn vị", [SubmissionTable()])
            {
                Note = "(Kèm theo Báo cáo số 123/BC-UBND ngày 15/12/2025 của UBND tỉnh Nghệ An)",
            },
        ],
    };

    private static IEnumerable<Block> ReportBody()
    {
        yield return new Paragraph("Thực hiện Kế hoạch số 77/KH-UBND ngày 10/02/2022 của UBND tỉnh thực hiện Nghị quyết số 30/NQ-CP ngày 11/3/2022 của Chính phủ, trên cơ sở báo cáo của các sở, ban, ngành và UBND các huyện, thành phố, thị xã, UBND tỉnh báo cáo kết quả thực hiện năm 2025 như sau:");
        yield return new Heading(1, "Kết quả thực hiện");
        yield return new Heading(2, "Công tác quán triệt, tuyên truyền");
        yield return new Paragraph([
            new Inline("Các cơ quan, đơn vị đã tổ chức "),
            new Inline("1.248", Bold: true),
            new Inline(" hội nghị quán triệt cho cán bộ, công chức, viên chức; đăng tải 356 tin, bài trên Cổng thông tin điện tử tỉnh. "),
            new Inline("Kết quả cụ thể tại Phụ lục I kèm theo.", Italic: true),
        ]);
        yield return new Heading(2, "Công tác tự phê bình và phê bình");
        yield return new Heading(3, "Đối với tập thể");
        yield return new Bullet("100% cơ quan, đơn vị tổ chức kiểm điểm tự phê bình và phê bình đúng quy định;");
        yield return new Bullet("Các hạn chế, khuyết điểm được chỉ ra đều có kế hoạch khắc phục cụ thể.");
        yield return new Heading(3, "Đối với cá nhân");
        yield return new Paragraph("Cán bộ, công chức, viên chức thực hiện nghiêm việc xây dựng cam kết giữ gìn phẩm chất đạo đức, lối sống; không có trường hợp suy thoái về tư tưởng chính trị.");
        yield return new Table(
            [new Column("TT", 1, CellAlign.Center), new Column("Nội dung", 7), new Column("Kế hoạch", 2, CellAlign.Right), new Column("Thực hiện", 2, CellAlign.Right)],
            [["1", "Hội nghị quán triệt", "1.200", "1.248"], ["2", "Tin, bài tuyên truyền", "300", "356"], ["3", "Lượt kiểm tra, giám sát", "85", "92"]]);
        yield return new Heading(1, "Tồn tại, hạn chế và nguyên nhân");
        yield return new Paragraph("Một số đơn vị gửi báo cáo chậm so với thời hạn; chất lượng báo cáo chưa cao, còn nặng về liệt kê, thiếu số liệu đánh giá cụ thể.");
        yield return new Heading(1, "Phương hướng, nhiệm vụ năm 2026");
        yield return new Paragraph("Tiếp tục đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị; siết chặt kỷ luật, kỷ cương hành chính; nâng cao chất lượng, hiệu quả thực thi công vụ.");
        yield return new Paragraph("Trên đây là báo cáo kết quả thực hiện năm 2025 của UBND tỉnh Nghệ An./.");
    }

    private static Table IndicatorTable()
    {
        var values = ReportUnits.Select((unit, i) => (Unit: unit, Meetings: 120 + i * 7, Articles: 30 + i * 3, Inspections: 8 + i)).ToList();
        return new Table(
            [new Column("TT", 1, CellAlign.Center), new Column("Đơn vị", 6), new Column("Hội nghị quán triệt", 3, CellAlign.Right),
             new Column("Tin, bài tuyên truyền", 3, CellAlign.Right), new Column("Lượt kiểm tra", 3, CellAlign.Right), new Column("Ghi chú", 4)],
            values.Select((v, i) => (IReadOnlyList<string>)
                [(i + 1).ToString(), v.Unit, v.Meetings.ToString(), v.Articles.ToString(), v.Inspections.ToString(), i == 5 ? "Số liệu ước tính" : ""]))
        {
            Total = ["", "Tổng cộng", values.Sum(v => v.Meetings).ToString(), values.Sum(v => v.Articles).ToString(), values.Sum(v => v.Inspections).ToString(), ""],
        };
    }

    private static Table SubmissionTable() => new(
        [new Column("TT", 1, CellAlign.Center), new Column("Đơn vị", 6), new Column("Ngày nộp", 3, CellAlign.Center), new Column("Tình trạng", 4)],
        ReportUnits.Select((unit, i) => (IReadOnlyList<string>)
            [(i + 1).ToString(), unit, i < 4 ? $"0{i + 1}/12/2025" : "", i < 4 ? "Đã nộp đúng hạn" : "Chưa nộp"]));

    public const string UrgingSubject = "đôn đốc thực hiện Kế hoạch số 77/KH-UBND ngày 10/02/2022 của UBND tỉnh";

    public static readonly string[] LateUnits = ["Sở Tài chính", "UBND thành phố Vinh", "UBND huyện Kỳ Sơn"];

    /// <summary>A draft: its number and date are left blank for the clerk to fill in when it is issued.</summary>
    public static OfficialDocument UrgingLetter() => new()
    {
        Issuer = new Issuer(["Sở Nội vụ"], Parent: "UBND tỉnh Nghệ An"),
        Number = new DocumentNumber(null, "SNV-CCHC"),
        Date = DateLine.Blank("Nghệ An", 2026),
        Title = DocumentTitle.Letter(UrgingSubject),
        Addressees = LateUnits,
        Body =
        [
            new Paragraph("Thực hiện Kế hoạch số 77/KH-UBND ngày 10/02/2022 của UBND tỉnh, đến ngày 27/11/2026 các đơn vị sau chưa hoàn thành nhiệm vụ được giao:"),
            new Table(
                [new Column("TT", 1, CellAlign.Center), new Column("Đơn vị", 4), new Column("Nhiệm vụ", 6), new Column("Hạn", 3, CellAlign.Center), new Column("Số ngày trễ", 3, CellAlign.Right)],
                LateUnits.Select((unit, i) => (IReadOnlyList<string>)
                    [(i + 1).ToString(), unit, "Báo cáo kết quả thực hiện năm 2026", "05/12/2026", (i * 4 + 2).ToString()])),
            new Paragraph("Sở Nội vụ đề nghị các đơn vị khẩn trương hoàn thành và gửi báo cáo trước ngày 10/12/2026 để tổng hợp, báo cáo UBND tỉnh./."),
        ],
        Signature = new Signature(["KT. Giám đốc", "Phó Giám đốc"], ""),
        Distribution = new Distribution(["Như trên", "Giám đốc Sở (để b/c)"], "CCHC"),
    };
}
