using System.Text;
using System.Text.RegularExpressions;
using DonDoc.Documents;
using DonDoc.Tests.Browser;

namespace DonDoc.Tests.Documents;

/// <summary>
/// The written documents opened by LibreOffice as a recipient would open them: converted to PDF, their text read
/// back with every Vietnamese mark, pages rendered to TestResults/screenshots for a person to look at.
/// </summary>
public sealed class LibreOfficeRenderingTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly LibreOffice _office = new();

    [Fact]
    public async Task The_report_opens_in_LibreOffice_with_its_Vietnamese_text_and_appendix_pages()
    {
        var pdf = await ConvertAsync(SampleDocuments.Report(), "bao-cao-mau",
            "ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 123/BC-UBND",
            "Nghệ An, ngày 15 tháng 12 năm 2025", "BÁO CÁO", "I. KẾT QUẢ THỰC HIỆN", "a) Đối với tập thể", "Nơi nhận:",
            "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Đệ", "- Lưu: VT, TH (2b).", "Phụ lục I",
            "TỔNG HỢP CHỈ TIÊU THỰC HIỆN CỦA CÁC ĐƠN VỊ NĂM 2025", "UBND huyện Kỳ Sơn", "Số liệu ước tính", "Phụ lục II");

        var pages = await LibreOffice.PageCountAsync(pdf, Ct);
        Assert.InRange(pages, 4, 5); // the report on 2–3 pages, then a page for each appendix
        await LibreOffice.RenderPageAsync(pdf, 2, Screenshot("bao-cao-mau-trang-2"), Ct);
        await LibreOffice.RenderPageAsync(pdf, pages - 1, Screenshot("bao-cao-mau-phu-luc-i"), Ct);
    }

    [Fact]
    public async Task The_urging_letter_opens_in_LibreOffice_on_one_page_with_its_addressees()
    {
        var pdf = await ConvertAsync(SampleDocuments.UrgingLetter(), "cong-van-don-doc",
            "UBND TỈNH NGHỆ AN", "SỞ NỘI VỤ", "V/v đôn đốc thực hiện Kế hoạch số", "Kính gửi: - Sở Tài chính;",
            "- UBND thành phố Vinh;", "- UBND huyện Kỳ Sơn.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Số ngày trễ", "- Lưu: VT, CCHC.");

        Assert.Equal(1, await LibreOffice.PageCountAsync(pdf, Ct));
    }

    /// <summary>
    /// Writes and converts the document, checks the PDF's text (runs of spaces made one, so the layout's gaps do
    /// not matter) holds every expected line, and renders page 1 under <paramref name="name"/>.
    /// </summary>
    private async Task<string> ConvertAsync(OfficialDocument document, string name, params string[] expected)
    {
        LibreOffice.RequireTools();
        var pdf = await _office.ToPdfAsync(OfficialDocumentWriter.ToBytes(document), name, Ct);
        var text = await _office.TextAsync(pdf, Ct);
        Assert.True(text.IsNormalized(NormalizationForm.FormC));
        var words = Regex.Replace(text, "[ \t]+", " ");
        Assert.All(expected, line => Assert.Contains(line, words));
        await LibreOffice.RenderPageAsync(pdf, 1, Screenshot(name), Ct);
        return pdf;
    }

    private static string Screenshot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name + ".png");

    public void Dispose() => _office.Dispose();
}
