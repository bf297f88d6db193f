using DonDoc.Data;
using DonDoc.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DonDoc.Calendar;

public sealed record CalendarDayInput(DateOnly? Date, string? Name, CalendarDayKind Kind);

/// <summary>The working calendar with the admin's days from the database, and the admin's adding and removing of them.</summary>
public sealed class CalendarDays(DonDocDbContext db, IOptions<CalendarOptions> options, CurrentActor actor, TimeProvider clock)
{
    public static readonly string YearRange = $"{WorkingCalendar.FirstYear}–{WorkingCalendar.LastYear}";

    /// <summary>A snapshot of the calendar; the admin's days are few (a handful a year), so all are read.</summary>
    public async Task<WorkingCalendar> CalendarAsync(CancellationToken ct = default) =>
        new(options.Value, await db.CalendarDays.AsNoTracking().ToListAsync(ct));

    public async Task<SaveResult<CalendarDay>> AddAsync(CalendarDayInput input, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0)
            errors["name"] = ["Hãy nhập tên ngày (ví dụ: Nghỉ bù Tết Nguyên đán, Làm bù cho ngày 16/02)."];
        else if (name.Length > CalendarDay.MaxNameLength)
            errors["name"] = [$"Tên ngày dài tối đa {CalendarDay.MaxNameLength} ký tự."];
        if (!Enum.IsDefined(input.Kind))
            errors["kind"] = ["Hãy chọn loại ngày: ngày nghỉ hoặc ngày làm việc."];
        if (input.Date is not { } date)
            errors["date"] = ["Hãy chọn ngày."];
        else if (!WorkingCalendar.Supports(date))
            errors["date"] = [$"Chỉ nhận ngày trong các năm {YearRange}."];
        else if (await DateProblemAsync(date, input.Kind, ct) is { } problem)
            errors["date"] = [problem];
        if (errors.Count > 0)
            return SaveResult<CalendarDay>.Fail(errors);

        var principal = await actor.PrincipalAsync();
        var day = new CalendarDay
        {
            Date = input.Date!.Value,
            Name = name,
            Kind = input.Kind,
            AddedById = principal.UserId(),
            AddedByName = principal.DisplayName(),
            AddedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.CalendarDays.Add(day);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another admin added the same date a moment earlier; the unique index refused this one.
            db.Entry(day).State = EntityState.Detached;
            return SaveResult<CalendarDay>.Fail("date", $"Ngày {VietnamTime.Date(day.Date)} vừa được người khác thêm vào lịch.");
        }
        return SaveResult<CalendarDay>.Success(day);
    }

    public async Task<bool> RemoveAsync(int id, CancellationToken ct = default)
    {
        var day = await db.CalendarDays.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (day is null)
            return false;
        db.CalendarDays.Remove(day);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task<string?> DateProblemAsync(DateOnly date, CalendarDayKind kind, CancellationToken ct)
    {
        var shown = VietnamTime.Date(date);
        if (await db.CalendarDays.AsNoTracking().FirstOrDefaultAsync(d => d.Date == date, ct) is { } existing)
            return $"Ngày {shown} đã có trong lịch: {existing.Name}. Hãy xoá ngày đó trước nếu muốn đổi.";
        // Without the admin's days, so the answer is about the law and the weekend alone.
        var computed = new WorkingCalendar(options.Value, []);
        var working = computed.IsWorkingDay(date);
        if (kind == CalendarDayKind.DayOff && !working)
        {
            var holiday = computed.DaysOff(date.Year).FirstOrDefault(d => d.Date == date);
            return $"Ngày {shown} đã là ngày nghỉ ({holiday?.Name ?? VietnamTime.Culture.DateTimeFormat.GetDayName(date.DayOfWeek)}).";
        }
        if (kind == CalendarDayKind.WorkingDay && working)
            return $"Ngày {shown} đã là ngày làm việc.";
        return null;
    }
}
