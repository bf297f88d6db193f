using System.Text;
using DonDoc.Data;
using DonDoc.Storage;
using DonDoc.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Tests.Security;

/// <summary>A file over Uploads:MaxBytes is refused whether its declared length says so or not, and nothing is kept.</summary>
public sealed class UploadLimitTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // A PDF by its first bytes, two kilobytes long.
    private static readonly byte[] Pdf = [.. Encoding.ASCII.GetBytes("%PDF-1.7\n"), .. new byte[2048]];

    [Theory]
    [InlineData(2057)]   // the declared length gives it away
    [InlineData(10)]     // the declared length lies; the bytes read do not
    public async Task A_file_over_the_limit_is_refused_and_nothing_is_kept(long declaredLength)
    {
        var app = apps.For(Provider.Sqlite);
        var root = Directory.CreateTempSubdirectory("dondoc-upload-limit-");
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Uploads:MaxBytes"] = "1024", ["Uploads:Path"] = root.FullName,
        }).Build();

        var (result, before, after) = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DonDocDbContext>();
            var count = await db.StoredFiles.CountAsync(Ct);
            var store = new FileStore(db, config, sp.GetRequiredService<IWebHostEnvironment>(), app.Clock);
            var saved = await store.SaveAsync([new FileStore.Upload("bao-cao.pdf", new MemoryStream(Pdf), declaredLength)], 1, "Test", 1, Ct);
            return (saved, count, await db.StoredFiles.CountAsync(Ct));
        });

        Assert.False(result.Ok);
        Assert.Contains("lớn hơn", result.Message);
        Assert.Equal(before, after);
        Assert.Empty(root.EnumerateFiles("*", SearchOption.AllDirectories));
        root.Delete(recursive: true);
    }
}
