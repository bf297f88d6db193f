using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using DonDoc.Features.Reports;
using DonDoc.Tests.Infrastructure;
using static DonDoc.Tests.Features.Reports.ReportWorkflowTests;

namespace DonDoc.Tests.Features.Reports;

/// <summary>Files attached to a unit's report: added and removed while the unit drafts, kept with each submission.</summary>
public sealed class ReportAttachmentTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

    private static Task<HttpResponseMessage> AttachAsync(HttpClient client, int id, string name, byte[] bytes)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "files", name);
        return client.PostAsync($"/api/v1/reports/{id}/files", form, Ct);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_unit_attaches_files_while_drafting_and_each_submission_keeps_what_it_carried(Provider provider)
    {
        var app = apps.For(provider);
        var s = await SetUpAsync(app);
        var id = await ReportIdAsync(s, s.A);

        var attached = await OkAsync(AttachAsync(s.OfficerA, id, "../../bang-tong-hop.pdf", Pdf));
        var file = Assert.Single(attached.Files);
        Assert.Equal("bang-tong-hop.pdf", file.Name);
        Assert.Equal(Pdf.Length, file.Size);
        Assert.Equal(Pdf, await s.Coordinator.GetByteArrayAsync(ReportAttachments.Url(id, file.Id), Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await s.OfficerB.GetAsync(ReportAttachments.Url(id, file.Id), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await AttachAsync(s.OfficerB, id, "b.pdf", Pdf)).StatusCode);
        Assert.Contains("không thuộc loại được nhận", await RefusalAsync(AttachAsync(s.OfficerA, id, "virus.pdf", [0x4D, 0x5A, 0x90, 0x00])));

        await OkAsync(DraftAsync(s.HeadA, id, s, "<p>Đã làm</p>", 3));
        var submitted = await OkAsync(s.HeadA.PostAsync($"/api/v1/reports/{id}/submit", null, Ct));
        Assert.Equal([file], Assert.Single(submitted.Submissions).Files);
        Assert.Contains("không thay đổi được tệp kèm theo", await RefusalAsync(AttachAsync(s.OfficerA, id, "muon.pdf", Pdf)));
        Assert.Contains("không thay đổi được tệp kèm theo", await RefusalAsync(s.OfficerA.DeleteAsync($"/api/v1/reports/{id}/files/{file.Id}", Ct)));

        await OkAsync(s.Coordinator.PostAsJsonAsync($"/api/v1/reports/{id}/review", new { accept = false, reason = "Thiếu phụ lục." }, Ct));
        var removed = await OkAsync(s.OfficerA.DeleteAsync($"/api/v1/reports/{id}/files/{file.Id}", Ct));
        Assert.Empty(removed.Files);
        var replacement = Assert.Single((await OkAsync(AttachAsync(s.OfficerA, id, "phu-luc.pdf", Pdf))).Files);
        var resubmitted = await OkAsync(s.HeadA.PostAsync($"/api/v1/reports/{id}/submit", null, Ct));

        Assert.Equal([[replacement], [file]], resubmitted.Submissions.Select(x => x.Files.ToList()));
        // The first submission's file was removed from the report but its history still opens it.
        Assert.Equal(Pdf, await s.Coordinator.GetByteArrayAsync(ReportAttachments.Url(id, file.Id), Ct));
    }

    [Fact]
    public async Task A_report_holds_at_most_twenty_files_and_a_pick_without_files_is_refused()
    {
        var app = apps.For(Provider.Sqlite);
        var s = await SetUpAsync(app);
        var id = await ReportIdAsync(s, s.A);
        var form = new MultipartFormDataContent();
        for (var i = 0; i < ReportAttachments.MaxFiles + 1; i++)
            form.Add(new ByteArrayContent(Pdf), "files", $"tep-{i}.pdf");

        Assert.Contains("tối đa 20 tệp", await RefusalAsync(s.OfficerA.PostAsync($"/api/v1/reports/{id}/files", form, Ct)));
        Assert.Contains("Chưa chọn tệp nào", await RefusalAsync(s.OfficerA.PostAsync($"/api/v1/reports/{id}/files", new MultipartFormDataContent { { new StringContent("x"), "note" } }, Ct)));
        Assert.Empty((await OkAsync(s.OfficerA.GetAsync($"/api/v1/reports/{id}", Ct))).Files);
    }
}
