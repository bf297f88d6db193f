using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using DonDoc.Features.Import;
using DonDoc.Features.Plans.Rules;

namespace DonDoc.Tests.Features.Import;

/// <summary>A .docx built here with Word's own list numbering and a task table, read like an uploaded plan.</summary>
public sealed class DocxImportTests
{
    private const int ListId = 1;
    private const int BulletId = 2;

    [Fact]
    public void Word_numbering_becomes_labels_and_a_task_table_becomes_tasks()
    {
        var bytes = BuildPlan();
        var file = PlanFile.Read(new MemoryStream(bytes), ".docx");
        Assert.Null(file.Error);
        Assert.Contains("I. MỤC ĐÍCH, YÊU CẦU", file.Text);
        Assert.Contains("a) Tổ chức quán triệt", file.Text);

        var plan = ImportFixtures.Parse(file.Text!);
        Assert.Equal("I,II", plan.Labels());
        Assert.Equal("1,2", plan.Node("I").Labels());
        Assert.Equal("a,b", plan.Node("I.2").Labels());
        Assert.Equal("-,-", plan.Node("II.1").Labels());
        Assert.Equal(["Sở Nội vụ"], plan.Assignment("II.1").Lead);

        Assert.Equal(2, plan.Tasks.Count);
        var task = plan.Tasks[0];
        Assert.Equal("Xây dựng cơ sở dữ liệu cán bộ", task.Text);
        Assert.Equal(["Sở Nội vụ"], task.Lead);
        Assert.Equal(["Sở Tài chính", "Sở Tư pháp"], task.Support);
        Assert.Equal(new DateOnly(2023, 6, 30), task.Deadline!.Date);
        Assert.Equal("Cơ sở dữ liệu", task.Product);
        Assert.Equal(ScheduleKind.Continuous, plan.Tasks[1].Deadline!.Kind);
        Assert.Equal(["Công an tỉnh"], plan.Tasks[1].Lead);
    }

    private static byte[] BuildPlan()
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var numbering = main.AddNewPart<NumberingDefinitionsPart>();
            numbering.Numbering = new Numbering(
                new AbstractNum(
                    Level(0, NumberFormatValues.UpperRoman, "%1."),
                    Level(1, NumberFormatValues.Decimal, "%2."),
                    Level(2, NumberFormatValues.LowerLetter, "%3)")) { AbstractNumberId = 10 },
                new AbstractNum(Level(0, NumberFormatValues.Bullet, "•")) { AbstractNumberId = 11 },
                new NumberingInstance(new AbstractNumId { Val = 10 }) { NumberID = ListId },
                new NumberingInstance(new AbstractNumId { Val = 11 }) { NumberID = BulletId });
            main.Document = new Document(new Body(
                Plain("KẾ HOẠCH"),
                Plain("TRIỂN KHAI CÔNG TÁC CÁN BỘ NĂM 2023"),
                Numbered(ListId, 0, "MỤC ĐÍCH, YÊU CẦU"),
                Numbered(ListId, 1, "Nâng cao chất lượng đội ngũ."),
                Numbered(ListId, 1, "Yêu cầu"),
                Numbered(ListId, 2, "Tổ chức quán triệt đến cán bộ."),
                Numbered(ListId, 2, "Bảo đảm tiến độ."),
                Numbered(ListId, 0, "TỔ CHỨC THỰC HIỆN"),
                Numbered(ListId, 1, "Sở Nội vụ"),
                Numbered(BulletId, 0, "Chủ trì theo dõi, đôn đốc."),
                Numbered(BulletId, 0, "Tổng hợp báo cáo."),
                Plain("PHỤ LỤC"),
                Plain("DANH MỤC NHIỆM VỤ"),
                Table(
                    ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm"],
                    ["1", "Xây dựng cơ sở dữ liệu cán bộ", "Sở Nội vụ", "Sở Tài chính, Sở Tư pháp", "Quý II/2023", "Cơ sở dữ liệu"],
                    ["2", "Bảo vệ chính trị nội bộ", "Công an tỉnh", "Các sở, ban, ngành", "Thường xuyên", "Báo cáo"])));
        }
        return stream.ToArray();
    }

    private static Level Level(int index, NumberFormatValues format, string text) =>
        new(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = format }, new LevelText { Val = text }) { LevelIndex = index };

    private static Paragraph Plain(string text) => new(new Run(new Text(text)));

    private static Paragraph Numbered(int numId, int level, string text) =>
        new(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = numId })),
            new Run(new Text(text)));

    private static Table Table(params string[][] rows) =>
        new(rows.Select(cells => new TableRow(cells.Select(c => new TableCell(Plain(c))))));
}
