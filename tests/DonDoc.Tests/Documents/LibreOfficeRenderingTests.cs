using System.Text;
using DonDoc.Tests.Browser;

namespace DonDoc.Tests.Documents;

/// <summary>
/// The written documents opened by LibreOffice as a recipient would open them: converted to PDF, their text read
/// back with every Vietnamese mark, the first page rendered to TestResults/screenshots for a person to look at.
/// </summary>
public sealed class LibreOfficeRenderingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_report_opens_in_LibreOffice_with_its_Vietnamese_text_and_appendix_pages()
    {
        LibreOffice.RequireTools();
        using var office = new LibreOffice();
        using var docx = Docx.Write(SampleDocuments.Report());

        var pdf = await office.ToPdfAsync(docx.Bytes, "bao-cao-mau", Ct);

        var text = Words(await office.TextAsync(pdf, Ct));
        foreach (var expected in new[]
        {
            "ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 123/BC-UBND",
            "Nghệ An, ngày 15 tháng 12 năm 2025", "BÁO CÁO", "I. KẾT QUẢ THỰC HIỆN", "a) Đối với tập thể", "Nơi nhận:",
            "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Đệ", "- Lưu: VT, TH (2b).", "Phụ lục I",
            "TỔNG HỢP CHỈ TIÊU THỰC HIỆN CỦA CÁC ĐƠN VỊ NĂM 2025", "UBND huyện Kỳ Sơn", "Số liệu ước tính", "Phụ lục II",
        })
            Assert.Contains(expected, text);
        Assert.InRange(await LibreOffice.PageCountAsync(pdf, Ct), 4, 6); // the report on 2–3 pages, then one page per appendix
        await LibreOffice.RenderPageAsync(pdf, 1, Screenshot("bao-cao-mau"), Ct);
        await LibreOffice.RenderPageAsync(pdf, 2, Screenshot("bao-cao-mau-trang-2"), Ct);
        await LibreOffice.RenderPageAsync(pdf, await LibreOffice.PageCountAsync(pdf, Ct) - 1, Screenshot("bao-cao-mau-phu-luc-i"), Ct);
    }

    [Fact]
    public async Task The_urging_letter_opens_in_LibreOffice_with_its_addressees()
    {
        LibreOffice.RequireTools();
        using var office = new LibreOffice();
        using var docx = Docx.Write(SampleDocuments.UrgingLetter());

        var pdf = await office.ToPdfAsync(docx.Bytes, "cong-van-don-doc", Ct);

        var text = Words(await office.TextAsync(pdf, Ct));
        foreach (var expected in new[]
        {
            "UBND TỈNH NGHỆ AN", "SỞ NỘI VỤ", "V/v đôn đốc thực hiện Kế hoạch số", "Kính gửi: - Sở Tài chính;",
            "- UBND thành phố Vinh;", "- UBND huyện Kỳ Sơn.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Số ngày trễ", "- Lưu: VT, CCHC.",
        })
            Assert.Contains(expected, text);
        Assert.Equal(1, await LibreOffice.PageCountAsync(pdf, Ct));
        await LibreOffice.RenderPageAsync(pdf, 1, Screenshot("cong-van-don-doc"), Ct);
    }

    /// <summary>The PDF's text with runs of spaces made one, so words compare regardless of the layout's gaps.</summary>
    private static string Words(string text)
    {
        Assert.True(text.IsNormalized(NormalizationForm.FormC));
        return System.Text.RegularExpressions.Regex.Replace(text, "[ \t]+", " ");
    }

    private static string Screenshot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name + ".png");
}
