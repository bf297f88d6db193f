using DonDoc.Calendar;
using DonDoc.Features.Audit;
using DonDoc.Features.Notifications;
using DonDoc.Features.Plans;
using DonDoc.Features.Reminders;
using DonDoc.Features.Reports;
using DonDoc.Features.Search;
using DonDoc.Features.Units;
using DonDoc.Features.Urging;
using DonDoc.Features.Users;
using DonDoc.Storage;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Data;

/// <summary>
/// The one model of DonDoc. Each provider has a sealed subclass only so that EF keeps one migrations
/// set per provider (EF Core's "multiple context types" layout); code always asks for this type.
/// </summary>
public abstract class DonDocDbContext(DbContextOptions options)
    : IdentityDbContext<User, Role, int>(options)
{
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<LegalDocument> LegalDocuments => Set<LegalDocument>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<PlanNode> PlanNodes => Set<PlanNode>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<Occurrence> Occurrences => Set<Occurrence>();
    public DbSet<ProgressUpdate> ProgressUpdates => Set<ProgressUpdate>();
    public DbSet<ExtensionRequest> ExtensionRequests => Set<ExtensionRequest>();
    public DbSet<TaskComment> TaskComments => Set<TaskComment>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<ReportTemplate> ReportTemplates => Set<ReportTemplate>();
    public DbSet<ReportPeriod> ReportPeriods => Set<ReportPeriod>();
    public DbSet<UnitReport> UnitReports => Set<UnitReport>();
    public DbSet<ReportSubmission> ReportSubmissions => Set<ReportSubmission>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<UrgingLetter> UrgingLetters => Set<UrgingLetter>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<ReminderSettings> ReminderSettings => Set<ReminderSettings>();
    public DbSet<SearchEntry> SearchEntries => Set<SearchEntry>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.AddInterceptors(SearchIndexInterceptor.Instance);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(DonDocDbContext).Assembly);
        Versioning.UseAsConcurrencyToken(builder);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        Versioning.Bump(ChangeTracker);
        NulCharacters.Strip(ChangeTracker);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        Versioning.Bump(ChangeTracker);
        NulCharacters.Strip(ChangeTracker);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}

public sealed class SqliteDonDocDbContext(DbContextOptions<SqliteDonDocDbContext> options) : DonDocDbContext(options);

public sealed class PostgresDonDocDbContext(DbContextOptions<PostgresDonDocDbContext> options) : DonDocDbContext(options);
