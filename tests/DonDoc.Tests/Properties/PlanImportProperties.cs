using System.Net.Http.Headers;
using System.Text;
using CsCheck;
using DocumentFormat.OpenXml.Packaging;
using DonDoc.Features.Import;
using DonDoc.Features.Users;
using DonDoc.Tests.Features.Import;
using DonDoc.Tests.Infrastructure;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace DonDoc.Tests.Properties;

/// <summary>The plan importer: pasted text, .txt and .docx uploads, each label and deadline in it.</summary>
public sealed class PlanImportProperties(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Labels, headings and deadline columns as plans write them, with digits of other scripts that \d also matches.</summary>
    private static readonly Gen<string> PlanLine = Gen.Frequency(
        (1, Junk.Text),
        (4, Gen.OneOf("I.", "IV.", "XL.", "1.", "12.", "999.", "2.1.", "1.2.3.4.", "a)", "đ)", "b.", "A. ", "Điều 1.", "Điều ٣.", "٣.", "1.٢ ", "١٢٣.",
                "২.১.", "- ", "• ", "TT", "Thời gian thực hiện:", "Cơ quan chủ trì:", "trước ngày 05/12 hàng năm", "1/0000", "12/2026", "Quý IV/2026",
                "Sở Tư pháp", "chủ trì", "phối hợp", "KẾ HOẠCH", "PHỤ LỤC", "Nhiệm vụ", "\t", " ", "năm 0000", "ngày 31/02/2026")
            .Array[1, 6].Select(string.Concat)));

    private static readonly Gen<string> PlanText = PlanLine.List[0, 40].Select(lines => string.Join("\n", lines));

    [Fact]
    public void Every_paragraph_start_reads_as_labels_without_throwing() =>
        PlanLine.Sample(line => Labels.Candidates(line), iter: Junk.Cases, print: Junk.Shown);

    // A hundred cases: each is a whole document of up to 40 lines, some of them 20.000 characters long.
    [Fact]
    public void Any_text_gives_a_plan_without_NUL_or_a_Vietnamese_reason_never_an_exception() =>
        PlanText.Sample(text =>
        {
            var outcome = PlanImporter.Parse(text, ImportFixtures.Registry);
            Assert.True(outcome.Plan is not null ^ outcome.Error is not null);
            // A NUL would fail the save on PostgreSQL: the cleaned text has none.
            Assert.DoesNotContain("\\u0000", outcome.Plan?.ToJson() ?? "");
        }, iter: 100, print: Junk.Shown);

    /// <summary>A small .docx of generated paragraphs, then (most of the time) bytes flipped or cut off.</summary>
    private static readonly Gen<byte[]> Upload = Gen.Frequency(
        (1, Gen.Byte.Array[1, 3_000]),
        (3, Gen.Select(PlanText, Gen.Int[0, 3], Gen.Int[0, int.MaxValue], (text, damage, at) => Junk.Damaged(Docx(text), damage, at))));

    private static byte[] Docx(string text)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var lines = Junk.XmlSafe(text).Split('\n');
            doc.AddMainDocumentPart().Document = new W.Document(new W.Body(lines.Select(l => new W.Paragraph(new W.Run(new W.Text(l))))));
        }
        return stream.ToArray();
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Pasted_text_gets_a_plan_or_a_Vietnamese_refusal(Provider provider)
    {
        var (coordinator, _, _) = await apps.For(provider).SignedInAsync(Roles.Coordinator);
        await Gen.Frequency((3, PlanText.Select(t => $$"""{"text": {{Junk.JsonString(t)}}}""")),
                (1, Gen.OneOf("""{"text": null}""", """{"text": 12}""", """{"text": ["a"]}""", "{", "", "null", "\"chỉ là chuỗi\"", """{"text": "\uD800"}""")))
            .SampleAsync(async body =>
            {
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                await Junk.AnsweredAsync(await coordinator.PostAsync("/api/v1/plans/import/parse", content, Ct), body);
            }, iter: Junk.Requests, threads: 1, print: Junk.Shown);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task An_uploaded_file_of_any_bytes_gets_a_plan_or_a_Vietnamese_refusal(Provider provider)
    {
        var (coordinator, _, _) = await apps.For(provider).SignedInAsync(Roles.Coordinator);
        await Gen.Select(Upload, Gen.OneOf("ke-hoach.docx", "ke-hoach.txt", "ke-hoach", "../../ke-hoach.DOCX"))
            .SampleAsync(async (bytes, name) =>
            {
                var file = new ByteArrayContent(bytes);
                file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                using var form = new MultipartFormDataContent { { file, "file", name } };
                await Junk.AnsweredAsync(await coordinator.PostAsync("/api/v1/plans/import/parse", form, Ct), $"{name}: {bytes.Length} bytes");
            }, iter: Junk.Requests, threads: 1);
    }
}
