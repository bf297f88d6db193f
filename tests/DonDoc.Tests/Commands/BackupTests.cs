using DonDoc.Data;
using DonDoc.Storage;
using DonDoc.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Tests.Commands;

/// <summary><c>backup</c> then <c>restore</c> into a fresh database and folder gives back the same data, files and a whole audit chain.</summary>
public sealed class BackupTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Picture(List<string> Units, List<string> Users, List<string> Audit, List<(string Name, string Sha256)> Files);

    private static async Task<Picture> PictureAsync(DonDocDbContext db) => new(
        await db.Units.OrderBy(u => u.Id).Select(u => u.Code + "|" + u.Name + "|" + u.Path).ToListAsync(Ct),
        await db.Users.OrderBy(u => u.Id).Select(u => u.UserName + "|" + u.PasswordHash).ToListAsync(Ct),
        await db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Id + "|" + a.Hash).ToListAsync(Ct),
        (await db.StoredFiles.OrderBy(f => f.Id).Select(f => new { f.StorageName, f.Sha256 }).ToListAsync(Ct)).Select(f => (f.StorageName, f.Sha256)).ToList());

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_backup_restored_into_a_fresh_database_holds_the_same_data_files_and_audit_chain(Provider provider)
    {
        await using var app = apps.Isolated(provider);
        await app.UserAsync("Staff", (await app.UnitAsync("Sở sao lưu " + TestData.UniqueCode())).Id);
        var stored = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DonDocDbContext>();
            var saved = await sp.GetRequiredService<FileStore>().SaveAsync(
                [new FileStore.Upload("bien-ban.pdf", new MemoryStream("%PDF-1.4 biên bản\n%%EOF"u8.ToArray()), 24)], 0, "Test", 1, Ct);
            await db.SaveChangesAsync(Ct);
            return saved.Value!.Single();
        });
        var before = await app.WithScopeAsync(sp => PictureAsync(sp.GetRequiredService<DonDocDbContext>()));
        var zip = Path.Combine(app.ContentDirectory, "sao-luu", "dondoc.zip");

        var (backedUp, backupOutput) = await Verbs.RunAsync(app, "backup", "--out", zip);
        Assert.True(backedUp == 0, backupOutput);
        Assert.Contains("1 tệp đính kèm", backupOutput);

        var fresh = Directory.CreateTempSubdirectory("dondoc-restored-").FullName;
        try
        {
            var target = provider == Provider.Sqlite ? $"Data Source={Path.Combine(fresh, "restored.db")}" : apps.Postgres.NewDatabase();
            var (restored, restoreOutput) = await Verbs.RunAsync(provider, target, fresh, "restore", zip);
            Assert.True(restored == 0, restoreOutput);

            await using (DonDocDbContext db = provider == Provider.Sqlite
                ? new SqliteDonDocDbContext(new DbContextOptionsBuilder<SqliteDonDocDbContext>().UseSqlite(target).Options)
                : new PostgresDonDocDbContext(new DbContextOptionsBuilder<PostgresDonDocDbContext>().UseNpgsql(target).Options))
            {
                var after = await PictureAsync(db);
                Assert.Equal(before.Units, after.Units);
                Assert.Equal(before.Users, after.Users);
                Assert.Equal(before.Audit, after.Audit);
                Assert.Equal(before.Files, after.Files);
            }
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(app.ContentDirectory, "files", stored.StorageName), Ct),
                await File.ReadAllBytesAsync(Path.Combine(fresh, "files", stored.StorageName), Ct));
            var (verified, verifyOutput) = await Verbs.RunAsync(provider, target, fresh, "verify-audit");
            Assert.True(verified == 0, verifyOutput);

            var (again, againOutput) = await Verbs.RunAsync(provider, target, fresh, "restore", zip);
            Assert.Equal(1, again);
            Assert.Contains("đã có dữ liệu", againOutput);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(fresh, recursive: true);
        }
    }
}
