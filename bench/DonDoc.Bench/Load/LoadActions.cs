using System.Net.Http.Json;
using DonDoc.Bench.Run;
using DonDoc.Features.Users;

namespace DonDoc.Bench.Load;

internal enum WriteKind { Progress, DraftSection }

/// <summary>What a write sent: enough to find it in the database afterwards.</summary>
/// <param name="Target">The task (occurrence) reported on, or the report drafted.</param>
/// <param name="Sequence">The write's number in the run: a report's later save replaces its earlier one.</param>
internal sealed record SentWrite(WriteKind Kind, int UserId, int Target, int Section, string Content, long Sequence);

/// <param name="Write">For a write, what it sent; none for a read.</param>
internal sealed record LoadRequest(HttpRequestMessage Message, SentWrite? Write = null);

/// <summary>One thing a user does; null when this user has nothing to do it on (no open task, no draft).</summary>
internal sealed record LoadAction(string Name, Func<VirtualUser, Random, long, LoadRequest?> Make);

/// <summary>What each kind of user does, and how often: weights out of 100.</summary>
internal sealed class LoadActions(DateOnly today)
{
    private readonly LoadAction _taskList = new("Danh sách nhiệm vụ (/api/v1/tasks)", (_, r, _) => Get(
        $"/api/v1/tasks?page={r.Next(1, 4)}&pageSize=25{(r.Next(2) == 0 ? "" : "&status=InProgressOverdue")}"));
    private readonly LoadAction _taskDetail = new("Chi tiết nhiệm vụ", (u, r, _) => u.Tasks.Length == 0 ? null : Get($"/api/v1/occurrences/{Pick(r, u.Tasks)}"));
    private readonly LoadAction _search = new("Tìm kiếm (/api/v1/search)", (_, r, _) => Get($"/api/v1/search?q={Uri.EscapeDataString(Pick(r, Scenarios.Searches))}"));
    private readonly LoadAction _completeness = new("Tình hình nộp báo cáo của một kỳ", (u, r, _) => u.Periods.Length == 0 ? null
        : Get($"/api/v1/report-periods/{Pick(r, u.Periods)}/completeness"));
    private readonly LoadAction _overview = new("Tổng quan, lãnh đạo (/tong-quan)", (_, _, _) => Get("/tong-quan"));
    private readonly LoadAction _postProgress = new("GHI: gửi cập nhật tiến độ", PostProgress);
    private readonly LoadAction _saveDraft = new("GHI: lưu một mục báo cáo dự thảo", SaveDraft);

    private readonly LoadAction _ranking = new("Xếp hạng đơn vị năm trước (/api/v1/rankings)", (_, _, _) => Get($"/api/v1/rankings?year={today.Year - 1}"));

    /// <summary>Unit staff work on their tasks and reports (a third of their requests are writes); leaders read the overview and ranking.</summary>
    public IReadOnlyList<(LoadAction Action, int Weight)> MixOf(string role) => role switch
    {
        Roles.Leader => [(_overview, 25), (_ranking, 15), (_taskList, 25), (_taskDetail, 25), (_search, 10)],
        Roles.Coordinator => [(_completeness, 40), (_taskList, 25), (_taskDetail, 25), (_search, 10)],
        _ => [(_taskList, 25), (_taskDetail, 25), (_search, 10), (_completeness, 5), (_postProgress, 20), (_saveDraft, 15)],
    };

    /// <summary>A weighted draw from the user's mix, drawing again when the user has nothing for that action.</summary>
    public static (LoadAction, LoadRequest) Next(IReadOnlyList<(LoadAction Action, int Weight)> mix, VirtualUser user, Random random, long sequence)
    {
        while (true)
        {
            var roll = random.Next(mix.Sum(m => m.Weight));
            var (action, _) = mix.First(m => (roll -= m.Weight) < 0);
            if (action.Make(user, random, sequence) is { } request)
                return (action, request);
        }
    }

    private static LoadRequest? PostProgress(VirtualUser user, Random random, long sequence)
    {
        if (user.OpenTasks.Length == 0)
            return null;
        var task = Pick(random, user.OpenTasks);
        var text = $"Đã tổ chức triển khai, đang tổng hợp kết quả từ các phòng, ban [tải {sequence}].";
        return new(Scenarios.PostProgress(task, text, random.Next(5, 95)), new(WriteKind.Progress, user.Id, task, 0, text, sequence));
    }

    private static LoadRequest? SaveDraft(VirtualUser user, Random random, long sequence)
    {
        if (user.Drafts.Length == 0)
            return null;
        var report = Pick(random, user.Drafts);
        var section = Pick(random, report.Sections);
        // The mark is ASCII so that the sanitiser, which may encode other characters, keeps it as sent.
        var mark = $"[load {sequence}]";
        var html = $"<p>Đơn vị đã hoàn thành các nội dung trọng tâm của kỳ, đang tổng hợp số liệu {mark}.</p>";
        var message = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/reports/{report.Id}")
        {
            Content = JsonContent.Create(new { sections = new Dictionary<int, string> { [section] = html } }),
        };
        return new(message, new(WriteKind.DraftSection, user.Id, report.Id, section, mark, sequence));
    }

    private static LoadRequest Get(string url) => new(Scenarios.Get(url));

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
