using System.Net.Http.Json;
using DonDoc.Bench.Generate;

namespace DonDoc.Bench.Run;

/// <summary>The scenarios of issue 9, in the order they are printed.</summary>
internal static class Scenarios
{
    /// <summary>Named by the issue, waiting for their features: listed in the results as not measured.</summary>
    public static readonly IReadOnlyList<string> Pending =
    [
        "Tổng quan (/tong-quan)",
        "Xếp hạng đơn vị (/xep-hang)",
        "Tìm kiếm (/api/v1/search)",
    ];

    private const int PageSize = 25;

    public static readonly IReadOnlyList<Scenario> All =
    [
        TaskList(1),
        TaskList(50),
        new("Chi tiết nhiệm vụ", BenchAccounts.Officer,
            (f, i) => Get($"/api/v1/occurrences/{f.DetailOccurrences[i % f.DetailOccurrences.Length]}"),
            (f, i) => f.ReadAllAsync(Sql.TaskDetail, f.DetailOccurrences[i % f.DetailOccurrences.Length])),
        new("Gửi cập nhật tiến độ", BenchAccounts.Officer, (f, i) => PostProgress(f.OpenOccurrences[i % f.OpenOccurrences.Length], i)),
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

    private static HttpRequestMessage Get(string url) => new(HttpMethod.Get, url);

    private static HttpRequestMessage PostProgress(int occurrence, int i) => new(HttpMethod.Post, $"/api/v1/occurrences/{occurrence}/updates")
    {
        Content = new MultipartFormDataContent
        {
            { new StringContent($"Đã tổ chức triển khai, đang tổng hợp kết quả từ các phòng, ban (lần đo {i})."), "text" },
            { new StringContent($"{i % 90 + 5}"), "percent" },
        },
    };
}
