using System.Net.Http.Headers;
using System.Net.Http.Json;
using CsCheck;
using DonDoc.Features.Reports;
using DonDoc.Storage;
using DonDoc.Tests.Features.Reports;
using DonDoc.Tests.Infrastructure;

namespace DonDoc.Tests.Properties;

/// <summary>Names of uploaded files: only the last segment is kept, never a way out of the upload folder.</summary>
public sealed class FileNameProperties(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Gen<string> Segment = Gen.Frequency(
        (3, Gen.OneOf("bao-cao.pdf", "Báo cáo quý IV.docx", "..", ".", "", " ", "~", "C:", "con", "nul.txt", "a\0b", "tệp\r\nđính kèm", "ảnh.png ",
            "%2e%2e", "..%2f", "\u202Efdp.exe", new string('a', 300), new string('đ', 150) + "😀😀😀" + new string('x', 60),
            string.Concat(Enumerable.Repeat("😀", 100)) + "a.pdf")),
        (2, Junk.Text));

    /// <summary>Names built of segments joined by either slash, as a browser, a script or an attacker may send them.</summary>
    private static readonly Gen<string> Name = Gen.Select(Segment.Array[1, 5], Gen.OneOf("/", "\\", "/../", "\\..\\", "//")).Select((parts, slash) => string.Join(slash, parts));

    [Fact]
    public void A_stored_name_is_one_plain_segment_that_stays_under_the_root() =>
        Name.Sample(name =>
        {
            var safe = FileStore.SafeName(name);
            Assert.True(safe.Length is > 0 and <= 200, $"{safe.Length} characters");
            Assert.DoesNotContain('/', safe);
            Assert.DoesNotContain('\\', safe);
            Assert.False(safe is "." or "..");
            Assert.DoesNotContain(safe, char.IsControl);
            Assert.Equal(safe.Trim(), safe);
            if (!Junk.HasLoneSurrogate(name))
                Assert.False(Junk.HasLoneSurrogate(safe), "a surrogate pair was cut in two");
            var root = Path.Combine(Path.GetTempPath(), "dondoc-uploads");
            Assert.Equal(root, Path.GetDirectoryName(Path.GetFullPath(Path.Combine(root, safe))));
            Assert.Equal(safe, FileStore.SafeName(safe));
        }, iter: Junk.Cases, print: Junk.Shown);

    [Fact]
    public void A_plain_name_behind_any_path_is_kept_as_it_is() =>
        Gen.Select(Name, Gen.OneOf("bao-cao.pdf", "Báo cáo quý IV.docx", "ảnh chụp (1).png", "phụ lục 2.xlsx"))
            .Sample((path, plain) => Assert.Equal(plain, FileStore.SafeName($"{path}/{plain}")), iter: Junk.Cases, print: t => Junk.Shown(t.ToString()));

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task An_attachment_with_any_name_is_kept_under_a_plain_name_and_opens_again(Provider provider)
    {
        var app = apps.For(provider);
        var s = await ReportWorkflowTests.SetUpAsync(app);
        var id = await ReportWorkflowTests.ReportIdAsync(s, s.A);
        // Half the usual count: each case is three requests (upload, download, removal).
        await Name.Where(n => !Junk.HasLoneSurrogate(n)).SampleAsync(async name =>
        {
            var file = new ByteArrayContent(ReportAttachmentTests.Pdf);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "files", FileNameStar = name };
            using var form = new MultipartFormDataContent { file };
            var response = await s.OfficerA.PostAsync($"/api/v1/reports/{id}/files", form, Ct);
            if (!await Junk.AnsweredAsync(response, name))
                return;
            var report = (await response.Content.ReadFromJsonAsync<ReportDetail>(Ct))!;
            var stored = report.Files.MaxBy(f => f.Id)!;
            Assert.DoesNotContain('/', stored.Name);
            Assert.DoesNotContain('\\', stored.Name);
            Assert.Equal(stored.Name, FileStore.SafeName(stored.Name));
            Assert.Equal(ReportAttachmentTests.Pdf, await s.OfficerA.GetByteArrayAsync(ReportAttachments.Url(id, stored.Id), Ct));
            await s.OfficerA.DeleteAsync($"/api/v1/reports/{id}/files/{stored.Id}", Ct);
        }, iter: Junk.Requests / 2, threads: 1, print: Junk.Shown);
    }
}
