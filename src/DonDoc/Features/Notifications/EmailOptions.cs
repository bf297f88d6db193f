using Microsoft.Extensions.Options;

namespace DonDoc.Features.Notifications;

public enum SmtpSecurity { None, StartTls, SslOnConnect }

/// <summary>The mail server DonDoc sends through, from configuration section "Email". No host: mail waits in the outbox.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public SmtpSecurity UseTls { get; set; } = SmtpSecurity.StartTls;
    public string? User { get; set; }
    public string? Password { get; set; }

    /// <summary>The sender, e.g. "DonDoc UBND tỉnh Nghệ An &lt;dondoc@nghean.gov.vn&gt;".</summary>
    public string? From { get; set; }

    /// <summary>The address people open DonDoc at, for the links in mails, e.g. "https://dondoc.nghean.gov.vn".</summary>
    public string? BaseUrl { get; set; }

    /// <summary>How often the sender looks for mail that is due.</summary>
    public double PollSeconds { get; set; } = 5;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    public string Absolute(string link) => (BaseUrl ?? "").TrimEnd('/') + link;
}

/// <summary>Refuses to start with settings under which every mail would fail.</summary>
internal sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions o)
    {
        var problems = new List<string>();
        if (o.Port is < 1 or > 65535)
            problems.Add("Email:Port must be 1 to 65535.");
        if (o.PollSeconds is <= 0 or > 3600)
            problems.Add("Email:PollSeconds must be above 0 and at most 3600.");
        if (o.Enabled && !MimeKit.MailboxAddress.TryParse(o.From ?? "", out _))
            problems.Add("Email:From must be a mail address when Email:Host is set.");
        if (o.Enabled && !Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _))
            problems.Add("Email:BaseUrl must be an absolute address (https://...) when Email:Host is set, for the links in mails.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
