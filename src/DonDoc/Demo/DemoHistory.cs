using System.Security.Claims;
using DonDoc.Calendar;
using DonDoc.Data;
using DonDoc.Features.Plans;
using DonDoc.Features.Units;
using DonDoc.Features.Users;
using DonDoc.Storage;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Demo;

/// <summary>
/// The seed plan's life from 2022 to today, replayed at the dates it happened: units report (most on time, some
/// late, a few not at all), the coordinator accepts or returns their results, deadlines are extended or not,
/// the 2025 reforms pass the open work of dissolved units to their successors, and the leader gives a direction.
/// What would happen after today is left out, so the year under way shows work in progress.
/// The same day always gives the same history.
/// </summary>
/// <remarks>
/// Reviews, decisions and comments go through their use cases, as the coordinator and the leader. Reports and
/// requests are written as <see cref="Progress.PostAsync"/> would write them: it opens a transaction of its own,
/// which cannot nest in the demo's, and most units have no account to post as. Such reports are signed by the
/// unit's office (author id 0); a unit with a demo officer has it sign.
/// </remarks>
public sealed partial class DemoHistory(DonDocDbContext db, FileStore files, TimeProvider clock)
{
    /// <summary>The reforms that dissolved units: everything before is the old units' to finish.</summary>
    private const int FirstYearOfReforms = 2025;

    private readonly ReplayClock _replay = new();

    public sealed record People(ClaimsPrincipal Coordinator, ClaimsPrincipal Leader, IReadOnlyDictionary<int, User> OfficerByUnit);

    public async Task AddAsync(Plan plan, IReadOnlyCollection<Unit> units, People people, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = VietnamTime.Today(clock);

        await ReplayAsync(await StoriesAsync(plan, today, o => o.PeriodEnd.Year < FirstYearOfReforms, ct), people, now, ct);
        var transfer = new TransferAssignments(db);
        foreach (var dissolved in units.Where(u => u.ValidTo is not null && u.SuccessorId is not null).OrderBy(u => u.ValidTo))
            await transfer.TransferAsync(dissolved.Id, ct);
        db.ChangeTracker.Clear();
        await ReplayAsync(await StoriesAsync(plan, today, o => o.PeriodEnd.Year >= FirstYearOfReforms, ct), people, now, ct);
        await CommentAsync(plan, today, people, ct);
    }

    private async Task<List<Story>> StoriesAsync(Plan plan, DateOnly today, Func<Occurrence, bool> which, CancellationToken ct)
    {
        var occurrences = await db.Occurrences.AsNoTracking()
            .Include(o => o.Assignment!).ThenInclude(a => a.LeadUnit)
            .Include(o => o.Assignment!).ThenInclude(a => a.TransferredFromUnit)
            .Include(o => o.Assignment!).ThenInclude(a => a.Node)
            .Where(o => o.Assignment!.PlanId == plan.Id)
            .OrderBy(o => o.Id)
            .ToListAsync(ct);
        return [.. occurrences.Where(which).Select(o => Tell(o, o.Assignment!, today))];
    }

    /// <summary>
    /// Round by round: the n-th step of every story at once. Reports and requests of a round are saved together,
    /// then the coordinator's reviews and decisions of the round, each at its own time.
    /// </summary>
    private async Task ReplayAsync(List<Story> stories, People people, DateTime now, CancellationToken ct)
    {
        foreach (var story in stories)
        {
            var future = story.Steps.FindIndex(s => s.At > now);
            if (future >= 0)
                story.Steps.RemoveRange(future, story.Steps.Count - future);
        }
        var progress = new Progress(db, files, _replay);
        var extensions = new Extensions(db, _replay);
        var lastUpdate = new Dictionary<Story, int>();
        var lastRequest = new Dictionary<Story, int>();
        for (var round = 0; stories.Any(s => s.Steps.Count > round); round++)
        {
            var steps = stories.Where(s => s.Steps.Count > round).Select(s => (Story: s, Step: s.Steps[round])).ToList();
            var claimed = steps.Where(s => s.Step is Post { CompletedOn: not null }).Select(s => s.Story.Occurrence.Id).ToList();
            foreach (var occurrence in await db.Occurrences.Where(o => claimed.Contains(o.Id)).ToListAsync(ct))
                occurrence.State = OccurrenceState.AwaitingReview;
            var updates = steps.Where(s => s.Step is Post).Select(s => (s.Story, Update: Written(s.Story, (Post)s.Step, people))).ToList();
            var requests = steps.Where(s => s.Step is Ask).Select(s => (s.Story, Request: Written(s.Story, (Ask)s.Step, people))).ToList();
            db.AddRange(updates.Select(u => u.Update));
            db.AddRange(requests.Select(r => r.Request));
            await db.SaveChangesAsync(ct);
            updates.ForEach(u => lastUpdate[u.Story] = u.Update.Id);
            requests.ForEach(r => lastRequest[r.Story] = r.Request.Id);
            // Each save compares every tracked record: forgetting the saved ones keeps a long load from slowing down.
            db.ChangeTracker.Clear();

            foreach (var (story, step) in steps.OrderBy(s => s.Step.At))
            {
                _replay.Now = new DateTimeOffset(step.At, TimeSpan.Zero);
                var error = step switch
                {
                    Review r => (await progress.ReviewAsync(people.Coordinator, lastUpdate[story], r.Accept, r.Note, ct)).Message,
                    Decide d => (await extensions.DecideAsync(people.Coordinator, lastRequest[story], d.Approve, null, d.Note, ct)).Message,
                    _ => "",
                };
                if (error.Length > 0)
                    throw new InvalidOperationException($"Demo history, {story.Lead.Name} {story.Occurrence.Period}: {error}");
                db.ChangeTracker.Clear();
            }
        }
    }

    private static ProgressUpdate Written(Story story, Post post, People people)
    {
        var (authorId, authorName) = Author(story.Lead, people);
        var update = new ProgressUpdate
        {
            OccurrenceId = story.Occurrence.Id,
            UnitId = story.Lead.Id,
            AuthorId = authorId,
            AuthorName = authorName,
            PostedAt = post.At,
            Text = post.Text,
            Percent = post.Percent,
            EvidenceNumber = post.Evidence,
            EvidenceDate = post.Evidence is null ? null : post.CompletedOn,
            ClaimsCompletion = post.CompletedOn is not null,
            ClaimedCompletedOn = post.CompletedOn,
            Review = post.CompletedOn is null ? UpdateReview.None : UpdateReview.Pending,
        };
        return update;
    }

    private static ExtensionRequest Written(Story story, Ask ask, People people)
    {
        var (authorId, authorName) = Author(story.Lead, people);
        var request = new ExtensionRequest
        {
            OccurrenceId = story.Occurrence.Id,
            RequestedById = authorId,
            RequestedByName = authorName,
            RequestedAt = ask.At,
            Reason = ask.Reason,
            ProposedDueDate = ask.Proposed,
            PreviousDueDate = story.Occurrence.DueDate,
        };
        return request;
    }

    private static (int Id, string Name) Author(Unit unit, People people) =>
        people.OfficerByUnit.TryGetValue(unit.Id, out var officer) ? (officer.Id, officer.FullName)
        : (0, unit.Name.StartsWith("Văn phòng", StringComparison.Ordinal) ? unit.Name : $"Văn phòng {unit.Name}");

    /// <summary>
    /// Two weeks before this year's reports are due the leader directs, and the coordinator answers with the
    /// counts as they then stood.
    /// </summary>
    private async Task CommentAsync(Plan plan, DateOnly today, People people, CancellationToken ct)
    {
        var year = today >= new DateOnly(today.Year, 11, 21) ? today.Year : today.Year - 1;
        var report = await db.PlanNodes.SingleAsync(n => n.PlanId == plan.Id && n.Path == "III.1", ct);
        var comments = new Comments(db, _replay);

        _replay.Now = new DateTimeOffset(VietnamTime.StartOfDayUtc(new DateOnly(year, 11, 21)).AddHours(8).AddMinutes(30), TimeSpan.Zero);
        Demand(await comments.PostAsync(people.Leader, report.Id,
            $"Yêu cầu Giám đốc các sở, Thủ trưởng các ban, ngành và Chủ tịch UBND các xã, phường gửi báo cáo kết quả thực hiện năm {year} " +
            $"trước ngày 05/12/{year}; đơn vị nào còn nợ báo cáo các năm trước phải hoàn thành ngay. Sở Nội vụ tổng hợp, báo cáo " +
            "UBND tỉnh danh sách các đơn vị chậm báo cáo để xem xét trách nhiệm người đứng đầu.", ct));

        var asOf = VietnamTime.StartOfDayUtc(new DateOnly(year, 11, 24)).AddHours(15);
        var yearStart = new DateOnly(year, 1, 1);
        var occurrences = db.Occurrences.Where(o => o.Assignment!.NodeId == report.Id);
        var thisYear = await occurrences.CountAsync(o => o.PeriodStart == yearStart, ct);
        var sent = await occurrences.CountAsync(o => o.PeriodStart == yearStart
            && db.ProgressUpdates.Any(u => u.OccurrenceId == o.Id && u.ClaimsCompletion && u.PostedAt <= asOf), ct);
        var owing = await occurrences.CountAsync(o => o.PeriodStart < yearStart
            && !db.ProgressUpdates.Any(u => u.OccurrenceId == o.Id && u.Review == UpdateReview.Accepted && u.ReviewedAt <= asOf), ct);
        _replay.Now = new DateTimeOffset(asOf, TimeSpan.Zero);
        Demand(await comments.PostAsync(people.Coordinator, report.Id,
            $"Thực hiện chỉ đạo, Sở Nội vụ đã có văn bản đôn đốc. Đến nay đã nhận {sent}/{thisYear} báo cáo năm {year}; " +
            $"còn {owing} báo cáo của các năm trước chưa hoàn thành. Đề nghị các đơn vị gửi báo cáo kèm văn bản minh chứng qua hệ thống.", ct));
    }

    private static T Demand<T>(SaveResult<T> result) =>
        result.Ok ? result.Value! : throw new InvalidOperationException($"Demo history: {result.Message}");
}
