using DonDoc.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DonDoc.Calendar;

public static class CalendarEndpoints
{
    public const int MaxDaysToAdd = 1000;

    public static IServiceCollection AddCalendar(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CalendarOptions>().Bind(configuration.GetSection(CalendarOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CalendarOptions>, CalendarOptionsValidator>();
        return services.AddScoped<CalendarDays>();
    }

    public sealed record DayOffDto(DateOnly Date, string Name, string Source, bool LunarDerived, int? ExtraDayId);
    public sealed record ExtraWorkingDayDto(int Id, DateOnly Date, string Name);
    public sealed record CalendarYearDto(int Year, List<DayOffDto> DaysOff, List<ExtraWorkingDayDto> WorkingDays);
    public sealed record WorkingDaysSum(DateOnly From, int Days, DateOnly Date);
    public sealed record ExtraDayRequest(string? Date, string? Name, string? Kind);
    public sealed record ExtraDayDto(int Id, DateOnly Date, string Name, CalendarDayKind Kind, string AddedByName, DateTime AddedAt);

    public static void MapCalendarEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/calendar").WithTags("Lịch nghỉ").RequireAuthorization();
        group.MapGet("/{year:int}", YearAsync).WithName("GetCalendarYear")
            .WithSummary("Ngày nghỉ của một năm: lễ, tết (theo âm lịch hoặc dương lịch), nghỉ bù, ngày quản trị bổ sung; và ngày làm bù");
        group.MapGet("/add-working-days", AddWorkingDaysAsync).WithName("AddWorkingDays")
            .WithSummary("Ngày làm việc thứ N sau (N âm: trước) một ngày, bỏ qua cuối tuần, ngày lễ, tết và ngày nghỉ bổ sung");
        group.MapPost("/extra-days", AddExtraDayAsync).WithName("AddCalendarDay")
            .WithSummary("Thêm ngày nghỉ hoặc ngày làm bù (kind: DayOff, WorkingDay)").RequireAuthorization(Policies.ManageCalendar);
        group.MapDelete("/extra-days/{id:int}", RemoveExtraDayAsync).WithName("RemoveCalendarDay")
            .WithSummary("Xoá ngày nghỉ hoặc ngày làm bù đã thêm").RequireAuthorization(Policies.ManageCalendar);
    }

    public static CalendarYearDto YearDto(WorkingCalendar calendar, int year) => new(year,
        calendar.DaysOff(year).Select(d => new DayOffDto(d.Date, d.Name, d.Source.ToString().ToLowerInvariant(), d.LunarDerived, d.ExtraDayId)).ToList(),
        calendar.ExtraWorkingDays(year).Select(d => new ExtraWorkingDayDto(d.Id, d.Date, d.Name)).ToList());

    private static async Task<Results<Ok<CalendarYearDto>, ValidationProblem>> YearAsync(int year, CalendarDays days, CancellationToken ct)
    {
        if (year is < WorkingCalendar.FirstYear or > WorkingCalendar.LastYear)
            return Invalid("year", $"Chỉ xem được lịch các năm {CalendarDays.YearRange}.");
        return TypedResults.Ok(YearDto(await days.CalendarAsync(ct), year));
    }

    // Read as text, so a malformed value gets a Vietnamese answer instead of the framework's English one.
    private static async Task<Results<Ok<WorkingDaysSum>, ValidationProblem>> AddWorkingDaysAsync(string? from, string? days, CalendarDays calendarDays, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var start = ParseIsoDate(from);
        if (start is null)
            errors["from"] = ["Tham số from phải là một ngày dạng YYYY-MM-DD, ví dụ 2026-02-13."];
        else if (!WorkingCalendar.Supports(start.Value))
            errors["from"] = [$"Chỉ tính được với ngày trong các năm {CalendarDays.YearRange}."];
        if (!int.TryParse(days, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var count)
            || Math.Abs(count) > MaxDaysToAdd)
            errors["days"] = [$"Tham số days phải là số nguyên từ -{MaxDaysToAdd} đến {MaxDaysToAdd}."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "Tham số chưa hợp lệ.");
        var date = (await calendarDays.CalendarAsync(ct)).AddWorkingDays(start!.Value, count);
        if (!WorkingCalendar.Supports(date))
            return Invalid("days", $"Kết quả nằm ngoài các năm {CalendarDays.YearRange}.");
        return TypedResults.Ok(new WorkingDaysSum(start.Value, count, date));
    }

    private static async Task<Results<Created<ExtraDayDto>, ValidationProblem>> AddExtraDayAsync(ExtraDayRequest request, CalendarDays days, CancellationToken ct)
    {
        var date = VietnamTime.ParseDate(request.Date);
        if (date is null && !string.IsNullOrWhiteSpace(request.Date))
            return Invalid("date", $"Ngày '{request.Date}' không hợp lệ; hãy nhập dạng dd/MM/yyyy hoặc YYYY-MM-DD.");
        if (!Enum.TryParse<CalendarDayKind>(request.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
            return Invalid("kind", "Loại ngày (kind) phải là DayOff (ngày nghỉ) hoặc WorkingDay (ngày làm việc).");
        var result = await days.AddAsync(new CalendarDayInput(date, request.Name, kind), ct);
        if (!result.Ok)
            return TypedResults.ValidationProblem(result.Errors, title: "Không thêm được ngày vào lịch.");
        var d = result.Value!;
        return TypedResults.Created($"/api/v1/calendar/{d.Date.Year}", new ExtraDayDto(d.Id, d.Date, d.Name, d.Kind, d.AddedByName, d.AddedAt));
    }

    private static async Task<Results<NoContent, NotFound>> RemoveExtraDayAsync(int id, CalendarDays days, CancellationToken ct) =>
        await days.RemoveAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "Tham số chưa hợp lệ.");

    private static DateOnly? ParseIsoDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var d) ? d : null;
}
