using System.Net.Http.Json;
using DonDoc.Bench.Generate;

namespace DonDoc.Bench.Run;

/// <summary>The scenarios of issue 9, in the order they are printed.</summary>
internal static class Scenarios
{
    private const int PageSize = 25;

    // A rare phrase, a common one, words without diacritics, and one that finds nothing.
    public static readonly string[] Searches = ["cải cách hành chính", "bao cao", "dang vien", "chuyển đổi số", "không có từ này"];

    public static readonly IReadOnlyList<Scenario> All =
    [
        // The overview is a page: the GET renders it on the server with every figure and chart in it (prerendering).
        new("Tổng quan, lãnh đạo (/tong-quan)", BenchAccounts.Leader, (_, _) => Get("/tong-quan")),
        new("Xếp hạng đơn vị năm trước (/api/v1/rankings)", BenchAccounts.Leader, (f, _) => Get($"/api/v1/rankings?year={f.Today.Year - 1}")),
        new("Tìm kiếm của chuyên viên (/api/v1/search)", BenchAccounts.Officer, (_, i) => Get($"/api/v1/search?q={Uri.EscapeDataString(Searches[i % Searches.Length])}")),
        TaskList(1),
        TaskList(50),
        new("Chi tiết nhiệm vụ", BenchAccounts.Officer,
            (f, i) => Get($"/api/v1/occurrences/{f.DetailOccurrences[i % f.DetailOccurrences.Length]}"),
            (f, i) => f.ReadAllAsync(Sql.TaskDetail, f.DetailOccurrences[i % f.DetailOccurrences.Length])),
        new("Gửi cập nhật tiến độ", BenchAccounts.Officer, (f, i) => PostProgress(f.OpenOccurrences[i % f.OpenOccurrences.Length],
            $"Đã tổ chức triển khai, đang tổng hợp kết quả từ các phòng, ban (lần đo {i}).", i % 90 + 5)),
        new("Tình hình nộp báo cáo (kỳ 160 đơn vị)", BenchAccounts.Coordinator,
            (f, _) => Get($"/api/v1/report-periods/{f.ConsolidationPeriod}/completeness"),
            (f, _) => f.ReadAllAsync(Sql.Completeness, f.ConsolidationPeriod)),
        new("Tổng hợp + .docx (kỳ 160 đơn vị)", BenchAccounts.Coordinator,
            (f, _) => Get($"/api/v1/report-periods/{f.ConsolidationPeriod}/consolidated.docx"),
            (f, _) => f.ReadAllAsync(Sql.Consolidation + Sql.Completeness, f.ConsolidationPeriod), Heavy: true),
        new("Nhập kế hoạch (đọc kế hoạch mẫu)", BenchAccounts.Coordinator,
            (f, _) => new HttpRequestMessage(HttpMethod.Post, "/api/v1/plans/import/parse") { Content = JsonContent.Create(new { text = f.SeedPlan }) }, Heavy: true),
    ];

    /// <summary>The officer's overdue tasks: a filter as the list page sends it, the first page and the fiftieth.</summary>
    private static Scenario TaskList(int page) => new($"Việc của chuyên viên, lọc quá hạn, trang {page}", BenchAccounts.Officer,
        (_, _) => Get($"/api/v1/tasks?status=InProgressOverdue&page={page}&pageSize={PageSize}"),
        (f, _) => f.ReadAllAsync(Sql.TaskListCount + Sql.TaskListPage, f.Date(f.Today), f.OfficerScope, (page - 1) * PageSize));

    public static HttpRequestMessage Get(string url) => new(HttpMethod.Get, url);

    /// <summary>A progress update as the task page's form sends it (multipart, no files).</summary>
    public static HttpRequestMessage PostProgress(int occurrence, string text, int percent) => new(HttpMethod.Post, $"/api/v1/occurrences/{occurrence}/updates")
    {
        Content = new MultipartFormDataContent
        {
            { new StringContent(text), "text" },
            { new StringContent(percent.ToString(System.Globalization.CultureInfo.InvariantCulture)), "percent" },
        },
    };
}
