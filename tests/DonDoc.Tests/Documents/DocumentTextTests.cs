using DonDoc.Documents;

namespace DonDoc.Tests.Documents;

/// <summary>The wording Nghị định 30/2020/NĐ-CP fixes for numbers, dates and structure labels.</summary>
public sealed class DocumentTextTests
{
    [Theory]
    [InlineData(5, "BC-UBND", "Số: 05/BC-UBND")]
    [InlineData(123, "BC-UBND", "Số: 123/BC-UBND")]
    [InlineData(null, "UBND-VX", "Số:       /UBND-VX")]
    public void The_number_line_pads_numbers_below_ten(int? number, string symbol, string expected) =>
        Assert.Equal(expected, DocumentText.NumberLine(new DocumentNumber(number, symbol)));

    [Theory]
    [InlineData(2026, 1, 5, "Nghệ An, ngày 05 tháng 01 năm 2026")]
    [InlineData(2019, 6, 29, "Nghệ An, ngày 29 tháng 6 năm 2019")]
    [InlineData(2025, 2, 28, "Nghệ An, ngày 28 tháng 02 năm 2025")]
    [InlineData(2025, 12, 15, "Nghệ An, ngày 15 tháng 12 năm 2025")]
    public void The_date_line_pads_days_below_ten_and_months_one_and_two(int year, int month, int day, string expected) =>
        Assert.Equal(expected, DocumentText.DateLineText(DateLine.On("Nghệ An", new DateOnly(year, month, day))));

    [Fact]
    public void A_draft_date_leaves_day_and_month_blank()
    {
        Assert.True(DocumentText.Blank.Length >= 4 && DocumentText.Blank.Trim().Length == 0);
        Assert.Equal($"Nghệ An, ngày {DocumentText.Blank} tháng {DocumentText.Blank} năm 2026", DocumentText.DateLineText(DateLine.Blank("Nghệ An", 2026)));
    }

    [Theory]
    [InlineData(1, 4, "IV.")]
    [InlineData(1, 9, "IX.")]
    [InlineData(2, 12, "12.")]
    [InlineData(3, 1, "a)")]
    [InlineData(3, 5, "đ)")]
    [InlineData(3, 6, "e)")]
    [InlineData(3, 7, "g)")]
    [InlineData(3, 23, "y)")]
    [InlineData(3, 24, "aa)")]
    public void Headings_are_labelled_I_1_a_with_the_Vietnamese_alphabet(int level, int ordinal, string expected) =>
        Assert.Equal(expected, DocumentText.HeadingLabel(level, ordinal));

    [Fact]
    public void One_appendix_is_just_Phu_luc_and_several_are_numbered()
    {
        Assert.Equal("Phụ lục", DocumentText.AppendixLabel(1, 1));
        Assert.Equal("Phụ lục II", DocumentText.AppendixLabel(2, 3));
    }

    [Fact]
    public void Upper_case_keeps_every_Vietnamese_mark() =>
        Assert.Equal("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN; SỞ NỘI VỤ; ĐƯỜNG, ĐIỆN, TRƯỜNG, TRẠM; QUỲ HỢP",
            DocumentText.Upper("Ủy ban nhân dân tỉnh Nghệ An; Sở Nội vụ; đường, điện, trường, trạm; Quỳ Hợp"));
    [Theory]
    [InlineData("Ủy ban nhân dân tỉnh Nghệ An", "Nghệ An")]
    [InlineData("UBND thành phố Hà Nội", "Hà Nội")]
    [InlineData("Nghệ An", "Nghệ An")]
    public void The_date_line_s_place_is_the_province_s_own_name(string province, string place) =>
        Assert.Equal(place, DocumentText.PlaceOf(province));

    [Fact]
    public void Names_change_only_their_first_letter_inside_a_sentence_or_a_title()
    {
        Assert.Equal("kết quả thực hiện Kế hoạch số 77/KH-UBND", DocumentText.LowerFirst("Kết quả thực hiện Kế hoạch số 77/KH-UBND"));
        Assert.Equal("Đánh giá Quý II/2025", DocumentText.UpperFirst("đánh giá Quý II/2025"));
        Assert.Equal("", DocumentText.LowerFirst(""));
    }
}
