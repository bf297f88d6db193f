using System.Text;
using DonDoc.Features.Import;

namespace DonDoc.Tests.Features.Import;

/// <summary>What cannot be imported gets a clear Vietnamese message instead of a crash or a wrong plan.</summary>
public sealed class BadInputTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   \n\t\n  ")]
    public void Empty_text_is_refused(string text) =>
        Assert.Equal("Văn bản trống: không có nội dung để nhập.", PlanImporter.Parse(text, ImportFixtures.Registry).Error);

    [Fact]
    public void Text_with_no_structure_is_refused()
    {
        var outcome = PlanImporter.Parse("Đây là một lá thư bình thường.\nKhông có mục nào được đánh số cả.", ImportFixtures.Registry);
        Assert.Null(outcome.Plan);
        Assert.Contains("Không nhận ra cấu trúc kế hoạch", outcome.Error);
    }

    [Fact]
    public void A_corrupt_docx_is_refused()
    {
        var bytes = Encoding.ASCII.GetBytes("PK\u0003\u0004 this is not really a zip package at all");
        Assert.Contains("bị hỏng", PlanFile.Read(new MemoryStream(bytes), ".docx").Error);
        Assert.Contains("bị hỏng", PlanFile.Read(new MemoryStream([1, 2, 3, 4]), ".docx").Error);
    }

    [Fact]
    public void A_password_protected_docx_is_refused()
    {
        // Encrypted Office files are OLE compound files: they start with D0 CF 11 E0 A1 B1 1A E1.
        byte[] bytes = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[512]];
        Assert.Contains("mật khẩu", PlanFile.Read(new MemoryStream(bytes), ".docx").Error);
    }

    [Fact]
    public void A_file_over_50_MB_is_refused_without_being_read()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("dondoc-import-").FullName, "lon.txt");
        using (var file = File.Create(path))
            file.SetLength(PlanFile.MaxBytes + 1);
        try
        {
            Assert.Contains("quá lớn", PlanFile.Read(path).Error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_file_is_refused() =>
        Assert.Contains("Không tìm thấy tệp", PlanFile.Read("/khong/co/tep-nay.txt").Error);

    [Theory]
    [InlineData("Céng hoµ x· héi chñ nghÜa ViÖt Nam\nKÕ ho¹ch thùc hiÖn NghÞ quyÕt sè 30/NQ-CP\nI. Môc ®Ých, yªu cÇu")] // TCVN3 (ABC)
    [InlineData("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam\nKeá hoaïch thöïc hieän Nghò quyeát soá 30/NQ-CP\nI. Muïc ñích, yeâu caàu")] // VNI
    public void Legacy_Vietnamese_encodings_are_detected_and_named(string mojibake)
    {
        Assert.Equal(LegacyEncoding.Message, PlanImporter.Parse(mojibake, ImportFixtures.Registry).Error);
        // The same text saved as an 8-bit file (what the old fonts wrote) is refused when read.
        Assert.Equal(LegacyEncoding.Message, PlanFile.Read(new MemoryStream(Encoding.Latin1.GetBytes(mojibake)), ".txt").Error);
    }

    [Fact]
    public void Utf16_text_files_are_read()
    {
        var text = "KẾ HOẠCH\nI. MỤC ĐÍCH\n1. Sở Tư pháp chủ trì thực hiện.";
        var read = PlanFile.Read(new MemoryStream([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]), ".txt");
        Assert.Equal(text, read.Text);
        Assert.Equal(["Sở Tư pháp"], ImportFixtures.Parse(read.Text!).Assignment("I.1").Lead);
    }

    [Fact]
    public void Vietnamese_text_with_a_few_foreign_symbols_is_not_taken_for_mojibake() =>
        Assert.Null(LegacyEncoding.Detect("Nhiệt độ 25°C, tỷ lệ ≥ 30% · ghi chú § 3 · giá 10 £ — văn bản tiếng Việt bình thường có dấu đầy đủ."));
}
