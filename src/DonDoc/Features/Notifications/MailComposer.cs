using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using DonDoc.Calendar;

namespace DonDoc.Features.Notifications;

/// <summary>The Vietnamese mails DonDoc writes: one per notification, or one a day gathering a person's unread ones.</summary>
internal static class MailComposer
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public sealed record Recipient(int UserId, string Address, string Name);

    public static OutboxMessage ForNotification(Recipient to, Notification n, EmailOptions options, DateTime now) =>
        Message(to, $"{n.DedupKey}:{to.UserId}", $"[DonDoc] {n.Title}", now,
            Body(to.Name, [n], options, "Bạn có một thông báo mới trên DonDoc:"));

    public static OutboxMessage Digest(Recipient to, IReadOnlyList<Notification> unread, DateOnly day, EmailOptions options, DateTime now) =>
        Message(to, DigestKey(to.UserId, day), $"[DonDoc] {unread.Count} thông báo chưa đọc ngày {VietnamTime.Date(day)}", now,
            Body(to.Name, unread, options, $"Trong ngày qua bạn có {unread.Count} thông báo chưa đọc trên DonDoc:"));

    public static string DigestKey(int userId, DateOnly day) => $"digest:{userId}:{day:yyyy-MM-dd}";

    private static OutboxMessage Message(Recipient to, string key, string subject, DateTime now, (string Html, string Text) body) => new()
    {
        DedupKey = key,
        ToAddress = to.Address,
        ToName = to.Name,
        Subject = subject.Length > 400 ? subject[..399] + "…" : subject,
        HtmlBody = body.Html,
        TextBody = body.Text,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    private static (string Html, string Text) Body(string name, IReadOnlyList<Notification> items, EmailOptions options, string lead)
    {
        var html = new StringBuilder();
        var text = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"></head><body style=\"font-family:Arial,sans-serif;font-size:15px\">");
        html.Append("<p>Kính gửi ").Append(Html.Encode(name)).Append(",</p><p>").Append(Html.Encode(lead)).Append("</p>");
        text.Append("Kính gửi ").Append(name).Append(",\n\n").Append(lead).Append("\n\n");
        foreach (var n in items)
        {
            var link = options.Absolute(n.Link);
            html.Append("<div style=\"margin:0 0 16px\"><p style=\"margin:0\"><strong>").Append(Html.Encode(n.Title)).Append("</strong> <span style=\"color:#666\">")
                .Append(Html.Encode(VietnamTime.DateAndTime(n.CreatedAt))).Append("</span></p><p style=\"margin:4px 0\">").Append(Html.Encode(n.Text))
                .Append("</p><p style=\"margin:0\"><a href=\"").Append(Html.Encode(link)).Append("\">Xem trên DonDoc</a></p></div>");
            text.Append("- ").Append(n.Title).Append(" (").Append(VietnamTime.DateAndTime(n.CreatedAt)).Append(")\n  ").Append(n.Text)
                .Append("\n  Xem trên DonDoc: ").Append(link).Append("\n\n");
        }
        var settings = options.Absolute("/thong-bao");
        html.Append("<hr><p style=\"color:#666;font-size:13px\">Thư do DonDoc – hệ thống theo dõi, đôn đốc thực hiện kế hoạch của UBND tỉnh Nghệ An gửi tự động; xin đừng trả lời thư này. ")
            .Append("Đổi cách nhận thông báo tại <a href=\"").Append(Html.Encode(settings)).Append("\">").Append(Html.Encode(settings)).Append("</a>.</p></body></html>");
        text.Append("--\nThư do DonDoc – hệ thống theo dõi, đôn đốc thực hiện kế hoạch của UBND tỉnh Nghệ An gửi tự động; xin đừng trả lời thư này.\n")
            .Append("Đổi cách nhận thông báo tại ").Append(settings).Append('\n');
        return (html.ToString(), text.ToString());
    }
}
