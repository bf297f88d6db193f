namespace DonDoc;

/// <summary>
/// The API's answer to a request the framework refuses before any handler runs: JSON that does not parse, a value of
/// the wrong type ("abc" for a number, "2026-13-45" for a date, a name no enum has), a missing or unreadable body or
/// form. Minimal APIs answer those with an empty 400 (in Development, an English exception page); whoever calls the
/// API gets a Vietnamese problem instead.
/// </summary>
public static class ApiBadRequests
{
    public const string Title = "Yêu cầu không hợp lệ.";

    public static IApplicationBuilder UseVietnameseBadRequests(this IApplicationBuilder app) =>
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (BadHttpRequestException e) when (!context.Response.HasStarted)
            {
                // Development throws what production answers with a bare status code; both are answered alike here.
                context.Response.StatusCode = e.StatusCode;
            }
            if (context.Response is { HasStarted: false, ContentType: null } response && Detail(response.StatusCode) is { } detail)
                await TypedResults.Problem(detail, statusCode: response.StatusCode, title: Title).ExecuteAsync(context);
        }));

    private static string? Detail(int status) => status switch
    {
        StatusCodes.Status400BadRequest =>
            "Nội dung gửi lên không đọc được: kiểm tra JSON, các số, ngày (dạng YYYY-MM-DD), giá trị chọn trong danh sách và tham số trên địa chỉ.",
        StatusCodes.Status413PayloadTooLarge => "Nội dung gửi lên quá lớn.",
        StatusCodes.Status415UnsupportedMediaType => "Kiểu nội dung không được nhận: gửi JSON (application/json) hoặc tệp dạng multipart/form-data.",
        _ => null,
    };
}
