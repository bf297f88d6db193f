using DonDoc.Calendar;
using DonDoc.Features.Plans;
using DonDoc.Features.Units;

namespace DonDoc.Demo;

public sealed partial class DemoHistory
{
    private abstract record Step(DateTime At);

    /// <summary>A progress report; with <paramref name="CompletedOn"/> it claims completion and awaits review.</summary>
    private sealed record Post(DateTime At, string Text, int? Percent = null, string? Evidence = null, DateOnly? CompletedOn = null) : Step(At);

    private sealed record Review(DateTime At, bool Accept, string? Note = null) : Step(At);

    private sealed record Ask(DateTime At, DateOnly Proposed, string Reason) : Step(At);

    private sealed record Decide(DateTime At, bool Approve, string? Note = null) : Step(At);

    private sealed record Story(Occurrence Occurrence, Unit Lead, List<Step> Steps);

    private enum Fate { OnTime, Late, Returned, Overdue, Silent, Extended, ExtendedLate, Refused, Submitted, Asking }

    /// <summary>
    /// The cases the demo shows on purpose, by the unit the task was given to; every other unit and year draws its fate.
    /// </summary>
    private static Fate? Scripted(string path, string unit, string period) => (path, unit, period) switch
    {
        ("III.1", "Sở Y tế", "2023") => Fate.Extended,
        ("III.1", "Ủy ban nhân dân huyện Nghi Lộc", "2024") => Fate.ExtendedLate,
        ("III.1", "Sở Giáo dục và Đào tạo", "2024") => Fate.Refused,
        ("III.1", "Sở Công Thương", "2025") => Fate.Returned,
        ("III.1", "Sở Ngoại vụ", "2023") => Fate.Overdue,
        ("III.1", "Ban Quản lý Khu kinh tế Đông Nam", "2025") => Fate.Overdue,
        ("III.1", "Ủy ban nhân dân huyện Quế Phong", "2025") => Fate.Silent,
        ("III.1", "Ủy ban nhân dân thành phố Vinh", "2025") => Fate.Submitted,
        ("III.1", "Sở Tư pháp", "2022" or "2024" or "2025") => Fate.OnTime,
        ("III.1", "Sở Tư pháp", "2023") => Fate.Late,
        ("III.1", "Sở Tư pháp", "2026") => Fate.Submitted,
        ("III.1", "Sở Tài chính", "2026") => Fate.Asking,
        ("III.2.-5", _, _) => Fate.Extended,
        ("II.1", "Ban Quản lý Khu kinh tế Đông Nam", _) => Fate.Overdue,
        _ => null,
    };

    private static Fate Drawn(Occurrence o, Unit lead, Random rng)
    {
        var roll = rng.Next(100);
        var fate = o.DueDate is null
            ? roll < 88 ? Fate.OnTime : Fate.Silent
            : roll < 76 ? Fate.OnTime : roll < 93 ? Fate.Late : roll < 97 ? Fate.Overdue : Fate.Silent;
        // A unit closed its books before it was merged or dissolved: what it leaves open is the year under way.
        return lead.ValidTo is not null && fate is Fate.Overdue or Fate.Silent ? Fate.Late : fate;
    }

    private static Story Tell(Occurrence o, Assignment assignment, DateOnly today)
    {
        var (lead, given, path) = (assignment.LeadUnit!, assignment.TransferredFromUnit ?? assignment.LeadUnit!, assignment.Node!.Path);
        var rng = new Random(StableSeed($"{path}|{given.Code}|{o.Period}"));
        var fate = Scripted(path, given.Name, o.Period) ?? Drawn(o, lead, rng);
        // A standing duty has no deadline; its year is reported with the yearly reports, by mid-December.
        var due = o.DueDate ?? new DateOnly(o.PeriodEnd.Year, 12, 15);
        var steps = new List<Step>();
        void Claim(DateOnly day) => steps.Add(ClaimOf(path, o, lead, day, rng));
        void Accept(int afterDays) => steps.Add(new Review(Later(steps[^1].At, afterDays, rng), true));

        switch (fate)
        {
            case Fate.OnTime:
                Claim(due.AddDays(-rng.Next(0, o.DueDate is null ? 30 : 21)));
                Accept(rng.Next(1, 6));
                break;
            case Fate.Late:
                Claim(due.AddDays(rng.Next(3, 41)));
                Accept(rng.Next(1, 5));
                break;
            case Fate.Returned:
                Claim(due.AddDays(-rng.Next(1, 6)));
                steps.Add(new Review(Later(steps[^1].At, 2, rng), false,
                    "Báo cáo chưa nêu số liệu cụ thể về kết quả kiểm điểm, tự phê bình và phê bình; đề nghị bổ sung và gửi lại."));
                Claim(due.AddDays(rng.Next(6, 16)));
                Accept(2);
                break;
            case Fate.Overdue:
                steps.Add(new Post(Time(due.AddDays(-rng.Next(3, 11)), rng),
                    "Đang tổng hợp số liệu từ các phòng, đơn vị trực thuộc; dự kiến gửi báo cáo trong tháng tới.", rng.Next(4, 9) * 10));
                break;
            case Fate.Extended or Fate.ExtendedLate:
                var asked = path == "III.2.-5" ? due.AddDays(-10) : due.AddDays(-rng.Next(5, 10));
                var extended = path == "III.2.-5" ? new DateOnly(due.Year + 1, 3, 31) : due.AddDays(rng.Next(10, 21));
                steps.Add(new Ask(Time(asked, rng), extended, path == "III.2.-5"
                    ? "Đề án cần lấy ý kiến các sở, ngành, địa phương và thẩm định của Sở Tư pháp trước khi trình; đề nghị gia hạn đến hết quý I/2023."
                    : "Đơn vị đang tổng hợp kết quả kiểm điểm cuối năm của các đơn vị trực thuộc; đề nghị gia hạn để báo cáo đầy đủ số liệu."));
                steps.Add(new Decide(Later(steps[^1].At, 2, rng), true));
                Claim(fate == Fate.Extended ? extended.AddDays(-rng.Next(0, 4)) : extended.AddDays(rng.Next(2, 7)));
                Accept(2);
                break;
            case Fate.Refused:
                steps.Add(new Ask(Time(due.AddDays(-3), rng), due.AddDays(25),
                    "Đề nghị gia hạn để chờ số liệu tổng kết năm học của các cơ sở giáo dục."));
                steps.Add(new Decide(Later(steps[^1].At, 1, rng), false,
                    "Thời hạn báo cáo đã được thông báo từ đầu năm; đề nghị đơn vị gửi báo cáo đúng hạn, số liệu còn thiếu bổ sung sau."));
                Claim(due.AddDays(rng.Next(5, 13)));
                Accept(2);
                break;
            case Fate.Submitted:
                Claim(today.AddDays(-2));
                break;
            case Fate.Asking:
                steps.Add(new Ask(Time(due.AddDays(-9), rng), due.AddDays(10),
                    "Sở đang tổng hợp số liệu của các phòng sau khi hợp nhất với Sở Kế hoạch và Đầu tư; đề nghị gia hạn để báo cáo đầy đủ."));
                break;
        }
        return new Story(o, lead, steps);
    }

    private static Post ClaimOf(string path, Occurrence o, Unit lead, DateOnly day, Random rng)
    {
        var year = o.PeriodEnd.Year;
        var kind = path switch { "II.1" => "KH", "III.2.-5" => "TTr", _ => "BC" };
        var number = $"{rng.Next(60, 480)}/{kind}-{Abbreviation(lead)}";
        var written = $"số {number} ngày {VietnamTime.Date(day)}";
        var text = path switch
        {
            "II.1" => $"Đã ban hành Kế hoạch {written} triển khai thực hiện; tổ chức quán triệt đến toàn thể cán bộ, công chức, viên chức, người lao động.",
            "III.2.-5" => $"Đã trình UBND tỉnh Đề án đẩy mạnh phân cấp tại Tờ trình {written}.",
            "III.2.-1" => $"Đã tổng hợp kết quả thực hiện năm {year} của các cơ quan, đơn vị, tham mưu UBND tỉnh báo cáo Chính phủ, Bộ Nội vụ (Báo cáo {written}).",
            "III.1" => $"Đã gửi Báo cáo {written} về tình hình, kết quả thực hiện Kế hoạch năm {year}.",
            _ => $"Báo cáo kết quả thực hiện nhiệm vụ năm {year} (Báo cáo {written}).",
        };
        return new Post(Time(day, rng), text, 100, number, day);
    }

    /// <summary>The symbol part of a unit's documents, as in "125/BC-STP"; localities sign as "UBND".</summary>
    private static string Abbreviation(Unit unit) => unit.Kind is UnitKind.District or UnitKind.Commune
        ? "UBND"
        : unit.Name switch
        {
            "Văn phòng Ủy ban nhân dân tỉnh" => "VPUBND",
            "Thanh tra tỉnh" => "TTr",
            "Ban Quản lý Khu kinh tế Đông Nam" => "KKT",
            "Sở Văn hóa và Thể thao" => "SVHTT",
            "Công an tỉnh" => "CAT",
            _ => unit.Aliases.FirstOrDefault(a => !a.Contains(' ')) ?? "UBND",
        };

    /// <summary>Office hours on that day, in Vietnam's time.</summary>
    private static DateTime Time(DateOnly day, Random rng) => VietnamTime.StartOfDayUtc(day).AddHours(rng.Next(8, 17)).AddMinutes(rng.Next(60));

    private static DateTime Later(DateTime after, int days, Random rng) => Time(DateOnly.FromDateTime(VietnamTime.ToLocal(after)).AddDays(days), rng);

    /// <summary>string.GetHashCode differs between runs; the demo must not.</summary>
    private static int StableSeed(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
            hash = (hash ^ c) * 16777619u;
        return (int)(hash & int.MaxValue);
    }
}
