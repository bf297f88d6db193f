using DonDoc.Features.Plans;
using DonDoc.Features.Plans.Pages;
using DonDoc.Features.Plans.Rules;
using DonDoc.Features.Units;
using MudBlazor;

namespace DonDoc.Tests.Features.Plans;

public sealed class PlanTextTests
{
    [Theory]
    [InlineData("I", "I.")]
    [InlineData("XII", "XII.")]
    [InlineData("3", "3.")]
    [InlineData("a", "a)")]
    [InlineData("đ", "đ)")]
    [InlineData("-", "-")]
    [InlineData("+", "+")]
    public void Labels_print_as_the_document_numbers_them(string label, string printed) =>
        Assert.Equal(printed, PlanText.DisplayLabel(label));

    [Theory]
    [InlineData("I", "II")]
    [InlineData("IV", "V")]
    [InlineData("9", "10")]
    [InlineData("d", "đ")]
    [InlineData("đ", "e")]
    [InlineData("e", "g")]
    [InlineData("-", "-")]
    [InlineData("XX", null)]
    [InlineData("y", null)]
    [InlineData("", null)]
    public void The_next_sibling_label_follows_Vietnamese_numbering(string previous, string? next) =>
        Assert.Equal(next, PlanText.NextLabel(previous));

    [Theory]
    [InlineData(null, "I")]
    [InlineData("II", "1")]
    [InlineData("3", "a")]
    [InlineData("b", "-")]
    public void A_new_level_starts_with_the_numbering_of_that_level(string? parent, string first) =>
        Assert.Equal(first, PlanText.FirstChildLabel(parent));

    [Fact]
    public void Schedules_read_as_Vietnamese_words()
    {
        Assert.Equal("Hạn 30/06/2023", Words(ScheduleKind.Fixed, due: new DateOnly(2023, 6, 30)));
        Assert.Equal("Trước ngày 05/12 hằng năm, từ 2022", Words(ScheduleKind.Yearly, day: 5, month: 12, first: 2022));
        Assert.Equal("Trước ngày 31/03 hằng năm, từ 2022 đến 2025", Words(ScheduleKind.Yearly, day: 31, month: 3, first: 2022, last: 2025));
        Assert.Equal("Hằng quý, trước ngày 20 tháng cuối quý, từ 2024", Words(ScheduleKind.Quarterly, day: 20, first: 2024));
        Assert.Equal("Hằng tháng, trước ngày 25, năm 2026", Words(ScheduleKind.Monthly, day: 25, first: 2026, last: 2026));
        Assert.Equal("Thường xuyên", Words(ScheduleKind.Continuous, first: 2022));
        Assert.Equal("Thường xuyên, đến hết 2030", Words(ScheduleKind.Continuous, first: 2022, last: 2030));
    }

    private static string Words(ScheduleKind kind, DateOnly? due = null, int day = 0, int month = 0, int? first = null, int? last = null) =>
        new ScheduleDto(kind, due, day, month, first, last, null).Words();

    [Fact]
    public void Status_chips_are_coloured_by_what_needs_attention()
    {
        Assert.Equal(("Hoàn thành đúng hạn", Color.Success, Variant.Filled), Look(AssignmentStatusCode.CompletedOnTime));
        Assert.Equal(("Hoàn thành quá hạn", Color.Success, Variant.Outlined), Look(AssignmentStatusCode.CompletedLate, daysLate: 3));
        Assert.Equal(("Trong hạn", Color.Info, Variant.Filled), Look(AssignmentStatusCode.InProgressOnTime));
        Assert.Equal(("Sắp đến hạn", Color.Warning, Variant.Filled), Look(AssignmentStatusCode.InProgressOnTime, dueSoon: true));
        Assert.Equal(("Quá hạn 12 ngày", Color.Error, Variant.Filled), Look(AssignmentStatusCode.InProgressOverdue, daysLate: 12));
        Assert.Equal(("Thường xuyên: đã báo cáo", Color.Default, Variant.Filled), Look(AssignmentStatusCode.Reported));
        Assert.Equal(("Thường xuyên: chưa báo cáo", Color.Default, Variant.Outlined), Look(AssignmentStatusCode.NotReported));
        Assert.Equal("Chưa hoàn thành, quá hạn · quá 12 ngày", PlanText.Chip(AssignmentStatusCode.InProgressOverdue, false, 12).Title);
        Assert.Equal("Hoàn thành quá hạn · trễ 3 ngày", PlanText.Chip(AssignmentStatusCode.CompletedLate, false, 3).Title);
        Assert.Equal("Chưa hoàn thành, trong hạn · sắp đến hạn", PlanText.Chip(AssignmentStatusCode.InProgressOnTime, true, null).Title);
    }

    private static (string, Color, Variant) Look(AssignmentStatusCode code, bool dueSoon = false, int? daysLate = null)
    {
        var chip = PlanText.Chip(code, dueSoon, daysLate);
        return (chip.Text, chip.Color, chip.Variant);
    }

    [Fact]
    public void Documents_plans_and_progress_read_as_officials_write_them()
    {
        Assert.Equal("Nghị quyết số 30/NQ-CP ngày 11/03/2022 của Chính phủ", PlanText.Citation("Nghị quyết", "30/NQ-CP", new DateOnly(2022, 3, 11), "Chính phủ"));
        Assert.Equal("Kết luận số 21-KL/TW", PlanText.Citation("Kết luận", "21-KL/TW", null, null));
        Assert.Equal("Kế hoạch 123/KH-UBND", PlanText.Name("123/KH-UBND", "Kế hoạch cải cách"));
        Assert.Equal("Kế hoạch cải cách", PlanText.Name(null, "Kế hoạch cải cách"));
        Assert.Equal(["Dự thảo", "Ban hành", "Kết thúc"], Enum.GetValues<PlanStatus>().Select(s => s.Label()));
    }

    [Fact]
    public void Groups_given_together_are_worded_once_each_and_apart_by_semicolons()
    {
        var both = UnitChoices.WithGroup(UnitChoices.WithGroup(null, UnitKind.Department), UnitKind.Commune);

        Assert.Equal("Các sở, ban, ngành; UBND các xã, phường", both);
        Assert.Equal(both, UnitChoices.WithGroup(both, UnitKind.Department));
    }
}
