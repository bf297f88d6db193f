namespace DonDoc.Features.Reminders.Rules;

/// <summary>
/// The coordinator's reminder rules: before a due date (7, 3 and 1 days), on the day, then every N days while
/// overdue; the unit head after M days overdue, the coordinator's list after K days. Days are calendar days or
/// working days (weekends, holidays and the admin's days off skipped).
/// </summary>
public sealed record ReminderRules(
    IReadOnlyList<int> DaysBefore,
    bool OnTheDay = true,
    int RepeatOverdueEvery = 3,
    int EscalateToHeadAfter = 5,
    int EscalateToCoordinatorAfter = 10,
    bool WorkingDays = false)
{
    public static ReminderRules Default { get; } = new([7, 3, 1]);

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (DaysBefore.Any(d => d is < 1 or > 60))
            errors.Add("Số ngày nhắc trước hạn phải từ 1 đến 60.");
        if (RepeatOverdueEvery is < 1 or > 60)
            errors.Add("Nhắc lại khi quá hạn: mỗi 1 đến 60 ngày.");
        if (EscalateToHeadAfter is < 1 or > 365 || EscalateToCoordinatorAfter is < 1 or > 365)
            errors.Add("Số ngày quá hạn trước khi báo thủ trưởng hoặc đầu mối phải từ 1 đến 365.");
        else if (EscalateToCoordinatorAfter < EscalateToHeadAfter)
            errors.Add("Báo đầu mối theo dõi phải sau (hoặc cùng lúc) báo thủ trưởng đơn vị.");
        return errors;
    }
}

/// <summary>Who a reminder goes to: the unit's people, its head, or the coordinator's list.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ReminderAudience>))]
public enum ReminderAudience { Unit, UnitHead, Coordinator }

/// <summary>One rung of the ladder; its key is what makes it happen once per item ("truoc-3", "qua-han-7", "thu-truong").</summary>
public sealed record Reminder(string Key, ReminderAudience Audience, int Days, string Title);

public static class ReminderLadder
{
    /// <summary>
    /// The reminders due for an unfinished item on <paramref name="today"/>. Only the latest rung of each kind is
    /// returned: after a pause (the app was down over the 7- and 3-day marks) one "3 days left" goes out, not a flood.
    /// <paramref name="daysBetween"/> counts from the first date to the second in the rules' kind of days.
    /// </summary>
    public static IReadOnlyList<Reminder> Due(DateOnly dueDate, DateOnly today, ReminderRules rules, Func<DateOnly, DateOnly, int> daysBetween)
    {
        var result = new List<Reminder>();
        if (today < dueDate)
        {
            var left = daysBetween(today, dueDate);
            if (rules.DaysBefore.Where(d => d >= left).DefaultIfEmpty().Min() is var rung and > 0)
                result.Add(new Reminder($"truoc-{rung}", ReminderAudience.Unit, left, $"Còn {left} ngày đến hạn"));
            return result;
        }
        if (today == dueDate)
        {
            if (rules.OnTheDay)
                result.Add(new Reminder("dung-han", ReminderAudience.Unit, 0, "Hôm nay là hạn hoàn thành"));
            return result;
        }
        var late = daysBetween(dueDate, today);
        if (late < 1)
            return result;   // working days: the due date was followed only by days off
        var rungLate = 1 + (late - 1) / rules.RepeatOverdueEvery * rules.RepeatOverdueEvery;
        result.Add(new Reminder($"qua-han-{rungLate}", ReminderAudience.Unit, late, $"Đã quá hạn {late} ngày"));
        if (late >= rules.EscalateToHeadAfter)
            result.Add(new Reminder("thu-truong", ReminderAudience.UnitHead, late, $"Quá hạn {late} ngày: đề nghị thủ trưởng đơn vị chỉ đạo"));
        if (late >= rules.EscalateToCoordinatorAfter)
            result.Add(new Reminder("dau-moi", ReminderAudience.Coordinator, late, $"Quá hạn {late} ngày: cần đôn đốc bằng văn bản"));
        return result;
    }
}
