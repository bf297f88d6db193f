using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using DonDoc.Data;
using DonDoc.Features.Import;
using DonDoc.Features.Import.Pages;
using DonDoc.Features.Plans;
using DonDoc.Features.Plans.Rules;
using DonDoc.Features.Units;
using DonDoc.Features.Users;
using DonDoc.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Tests.Features.Import;

/// <summary>The import's review model and its save: what a reviewed parse becomes in the database, and what it refuses.</summary>
public sealed class SaveImportedPlanTests(ImportReviewApps apps) : IClassFixture<ImportReviewApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly ClaimsPrincipal Coordinator = new(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Coordinator)], "test"));

    private static string SeedText => File.ReadAllText(ImportFixtures.PathOf("ke-hoach-thuc-hien-nq-30-nq-cp.txt"));

    /// <summary>A small plan citing a document of its own (a number no other test uses), with two tasks.</summary>
    private static (string Text, string Symbol, string Title) SmallPlan()
    {
        var symbol = $"{Random.Shared.Next(1000, 10_000)}/{Random.Shared.Next(2000, 2100)}/NQ-CP";
        var title = $"Thực hiện Nghị quyết số {symbol} ngày 11/3/2022 của Chính phủ về thử nghiệm {TestData.UniqueCode()}";
        var text = $"""
            ỦY BAN NHÂN DÂN
            TỈNH NGHỆ AN

            KẾ HOẠCH

            {title}

            I. MỤC ĐÍCH, YÊU CẦU

            1. Bảo đảm thực hiện nghiêm túc, hiệu quả các nhiệm vụ.

            II. TỔ CHỨC THỰC HIỆN

            1. Sở Tư pháp chủ trì rà soát văn bản quy phạm pháp luật của tỉnh, hoàn thành trước ngày 30/6/2023.

            2. Sở Nội vụ chủ trì, phối hợp với Thanh tra tỉnh tổng hợp, báo cáo Ủy ban nhân dân tỉnh định kỳ trước ngày 05/12 hàng năm.
            """;
        return (text, symbol, title);
    }

    private static Task<ReviewPlan> ReviewAsync(DonDocApp app, string text) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<DonDocDbContext>();
        var outcome = await ImportEndpoints.ParseTextAsync(db, text, Ct);
        Assert.True(outcome.Plan is not null, outcome.Error);
        return await ReviewBuilder.BuildAsync(db, outcome.Plan, text, new DateOnly(2026, 11, 27), Ct);
    });

    private static Task<SaveResult<Plan>> SaveAsync(DonDocApp app, ImportInput input) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<SaveImportedPlan>().SaveAsync(Coordinator, input, Ct));

    private static Task<T> QueryAsync<T>(DonDocApp app, Func<DonDocDbContext, Task<T>> query) =>
        app.WithScopeAsync(sp => query(sp.GetRequiredService<DonDocDbContext>()));

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Importing_the_seed_creates_a_draft_plan_with_its_tree_its_tasks_units_and_deadlines_and_its_basis(Provider provider)
    {
        var app = await apps.ForAsync(provider);
        var review = await ReviewAsync(app, SeedText);

        var saved = await SaveAsync(app, review.ToInput(confirmDuplicate: true));

        Assert.True(saved.Ok, saved.Message);
        var planId = saved.Value!.Id;
        var plan = await QueryAsync(app, db => db.Plans.AsNoTracking().Include(p => p.Basis).ThenInclude(b => b.LegalDocument).SingleAsync(p => p.Id == planId, Ct));
        Assert.Equal(PlanStatus.Draft, plan.Status);
        Assert.Equal("Lê Hồng Vinh", plan.Signer);
        Assert.Equal(["30/NQ-CP"], plan.Basis.Select(b => b.LegalDocument!.Symbol));
        var nodes = await QueryAsync(app, db => db.PlanNodes.AsNoTracking().Where(n => n.PlanId == planId).ToListAsync(Ct));
        string Children(string? parentPath) => string.Join(",", nodes
            .Where(n => parentPath is null ? n.ParentId == null : n.ParentId == nodes.Single(p => p.Path == parentPath).Id)
            .OrderBy(n => n.SortOrder).Select(n => n.Path));
        Assert.Equal("I,II,III", Children(null));
        Assert.Equal("III.1,III.2,III.3,III.4,III.5,III.6,III.7", Children("III"));
        Assert.Equal("III.2.-1,III.2.-2,III.2.-3,III.2.-4,III.2.-5,III.2.-6", Children("III.2"));
        Assert.Equal("II.2.a,II.2.b,II.2.c,II.2.d,II.2.đ", Children("II.2"));
        Assert.Equal(new Schedule(ScheduleKind.Yearly, Day: 5, Month: 12, FirstYear: 2026), nodes.Single(n => n.Path == "III.1").Schedule);

        var leads = (await QueryAsync(app, db => db.Assignments.AsNoTracking().Where(a => a.PlanId == planId)
                .Select(a => new { a.Node!.Path, a.LeadUnit!.Name, a.LeadUnit.Kind, a.AssignedAsGroup }).ToListAsync(Ct)))
            .ToLookup(a => a.Path);
        Assert.Equal(["Sở Nội vụ"], leads["III.2"].Select(a => a.Name));
        // One assignment per lead unit; the database returns them in no particular order.
        Assert.Equal(new[] { "Sở Kế hoạch và Đầu tư", "Sở Xây dựng", "Sở Tài nguyên và Môi trường", "Sở Tài chính" }.Order(), leads["III.3"].Select(a => a.Name).Order());
        Assert.Equal(["Sở Tư pháp"], leads["III.4"].Select(a => a.Name));
        Assert.Equal(["Sở Thông tin và Truyền thông"], leads["III.5"].Select(a => a.Name));
        Assert.Equal(["Thanh tra tỉnh"], leads["III.6"].Select(a => a.Name));
        Assert.Equal(["Công an tỉnh"], leads["III.7"].Select(a => a.Name));
        // "Các sở, ban, ngành … UBND các huyện, thành phố, thị xã" report every year: one assignment per member.
        Assert.Contains(leads["III.1"], a => a.Name == "Sở Y tế");
        Assert.Contains(leads["III.1"], a => a.Kind == UnitKind.District);
        Assert.All(leads["III.1"], a => Assert.Contains("Các sở, ban, ngành", a.AssignedAsGroup));

        var symbols = review.References.Select(r => LegalDocument.KeyOf(r.Symbol)).ToList();
        var registered = await QueryAsync(app, db => db.LegalDocuments.AsNoTracking().Where(d => symbols.Contains(d.SymbolKey)).Select(d => d.SymbolKey).ToListAsync(Ct));
        Assert.Equal(28, symbols.Count);
        Assert.Equal(symbols.Order(), registered.Distinct().Order());
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_cited_document_already_in_the_register_is_the_one_linked_and_gains_what_the_plan_adds(Provider provider)
    {
        var app = await apps.ForAsync(provider);
        var (text, symbol, _) = SmallPlan();
        var existing = await app.WithScopeAsync(sp => sp.GetRequiredService<LegalDocuments>().FindOrCreateAsync("Nghị quyết", symbol, new DateOnly(2022, 3, 11), null, Ct));
        var review = await ReviewAsync(app, text);

        var saved = await SaveAsync(app, review.ToInput(confirmDuplicate: false));

        Assert.True(saved.Ok, saved.Message);
        var key = LegalDocument.KeyOf(symbol);
        var records = await QueryAsync(app, db => db.LegalDocuments.AsNoTracking().Where(d => d.SymbolKey == key).ToListAsync(Ct));
        var record = Assert.Single(records);
        Assert.Equal((existing.Value!.Id, "Chính phủ"), (record.Id, record.Issuer));
        var basis = await QueryAsync(app, db => db.Set<PlanBasis>().Where(b => b.PlanId == saved.Value!.Id).Select(b => b.LegalDocumentId).ToListAsync(Ct));
        Assert.Equal([record.Id], basis);
        var tasks = await QueryAsync(app, db => db.PlanNodes.AsNoTracking().Where(n => n.PlanId == saved.Value!.Id && n.IsTask)
            .Select(n => new { n.Path, n.DueDate, Leads = n.Assignments.Select(a => a.LeadUnit!.Name).ToList(),
                Supporting = n.Assignments.SelectMany(a => a.SupportingUnits).Select(s => s.Unit!.Name).ToList() })
            .OrderBy(n => n.Path).ToListAsync(Ct));
        Assert.Equal(["II.1", "II.2"], tasks.Select(t => t.Path));
        Assert.Equal((new DateOnly(2023, 6, 30), "Sở Tư pháp"), (tasks[0].DueDate, Assert.Single(tasks[0].Leads)));
        Assert.Equal(("Sở Nội vụ", "Thanh tra tỉnh"), (Assert.Single(tasks[1].Leads), Assert.Single(tasks[1].Supporting)));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_plan_with_the_same_symbol_and_date_or_without_symbol_the_same_title_is_created_again_only_when_confirmed(Provider provider)
    {
        var app = await apps.ForAsync(provider);
        var (text, _, title) = SmallPlan();
        var review = await ReviewAsync(app, text);
        review.Document.Symbol = $"{Random.Shared.Next(100_000, 999_999)}/KH-UBND";
        review.Document.IssuedOn = new DateTime(2022, 4, 12);
        Assert.True((await SaveAsync(app, review.ToInput(false))).Ok);

        var again = await SaveAsync(app, review.ToInput(false));
        review.Document.IssuedOn = new DateTime(2023, 4, 12);
        var sameNumberAnotherYear = await SaveAsync(app, review.ToInput(false));
        review.Document.Symbol = null;
        var sameTitle = await SaveAsync(app, review.ToInput(false));
        var confirmed = await SaveAsync(app, review.ToInput(true));

        Assert.StartsWith("Kế hoạch này có vẻ đã được nhập: ", Assert.Single(again.Errors[SaveImportedPlan.DuplicateField]));
        Assert.True(sameNumberAnotherYear.Ok, sameNumberAnotherYear.Message);
        Assert.True(sameTitle.Errors.ContainsKey(SaveImportedPlan.DuplicateField));
        Assert.True(confirmed.Ok, confirmed.Message);
        Assert.Equal(3, await QueryAsync(app, db => db.Plans.CountAsync(p => p.Title == title, Ct)));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_refused_item_or_document_saves_nothing_and_says_which(Provider provider)
    {
        var app = await apps.ForAsync(provider);
        var (text, symbol, title) = SmallPlan();
        var review = await ReviewAsync(app, text);
        Assert.Equal([symbol], review.References.Select(r => r.Symbol));
        review.AllNodes.Single(n => n.Key == "II.2").Leads = [];
        review.References.Add(new ReviewReference { Kind = "Quyết định", Symbol = "" });

        var saved = await SaveAsync(app, review.ToInput(false));

        Assert.False(saved.Ok);
        Assert.Equal(["Mục II.2: Nhiệm vụ cần ít nhất một đơn vị chủ trì."], saved.Errors["node:II.2"]);
        Assert.StartsWith($"Văn bản thứ {review.References.Count}: Cần ghi số, ký hiệu", Assert.Single(saved.Errors[$"document:{review.References.Count - 1}"]));
        Assert.False(await QueryAsync(app, db => db.Plans.AnyAsync(p => p.Title == title, Ct)));
        var key = LegalDocument.KeyOf(symbol);
        Assert.False(await QueryAsync(app, db => db.LegalDocuments.AnyAsync(d => d.SymbolKey == key, Ct)));
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task The_parse_API_reads_pasted_text_or_a_file_and_answers_in_Vietnamese_when_it_cannot(Provider provider)
    {
        var app = await apps.ForAsync(provider);
        var (client, _, _) = await app.SignedInAsync(Roles.Coordinator);

        var parsed = await client.PostAsJsonAsync("/api/v1/plans/import/parse", new { text = SeedText }, Ct);
        using var file = new MultipartFormDataContent { { new ByteArrayContent("PK\u0003\u0004 hỏng"u8.ToArray()), "file", "ke-hoach.docx" } };
        var corrupt = await client.PostAsync("/api/v1/plans/import/parse", file, Ct);
        var empty = await client.PostAsJsonAsync("/api/v1/plans/import/parse", new { text = " " }, Ct);

        Assert.Equal(HttpStatusCode.OK, parsed.StatusCode);
        using var json = JsonDocument.Parse(await parsed.Content.ReadAsStringAsync(Ct));
        Assert.Equal(["I", "II", "III"], json.RootElement.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("label").GetString()));
        var iii2 = json.RootElement.GetProperty("assignments").EnumerateArray().Single(a => a.GetProperty("path").GetString() == "III.2");
        Assert.Equal(["Sở Nội vụ"], iii2.GetProperty("lead").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal("yearly", json.RootElement.GetProperty("deadlines")[0].GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, corrupt.StatusCode);
        Assert.Contains("Tệp .docx bị hỏng", await corrupt.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Văn bản trống", await empty.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_refused_by_its_declared_size_unread_and_by_its_real_size_when_understated()
    {
        var content = new MemoryStream(new byte[2048]);

        var declared = await ImportEndpoints.ReadUploadAsync(content, "ke-hoach.docx", 2048, maxBytes: 1024, Ct);
        var unread = content.Position;
        var understated = await ImportEndpoints.ReadUploadAsync(content, "ke-hoach.docx", 10, maxBytes: 1024, Ct);

        Assert.Equal(0, unread);
        Assert.StartsWith("Tệp “ke-hoach.docx” lớn hơn", declared.Error);
        Assert.StartsWith("Tệp “ke-hoach.docx” lớn hơn", understated.Error);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_50_MB_upload_to_the_parse_API_is_refused_in_Vietnamese_before_it_is_read(Provider provider)
    {
        var app = await apps.ForAsync(provider);
        var (client, _, _) = await app.SignedInAsync(Roles.Coordinator);
        var upload = new ZeroStream(50L * 1024 * 1024);
        using var file = new MultipartFormDataContent { { new StreamContent(upload), "file", "ke-hoach.docx" } };

        var refused = await client.PostAsync("/api/v1/plans/import/parse", file, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Nội dung gửi lên lớn hơn 20 MB", await refused.Content.ReadAsStringAsync(Ct));
        Assert.True(upload.Position < 1024 * 1024, $"{upload.Position} bytes of the upload were sent before it was refused");
    }

    /// <summary>A long run of zero bytes that exists only as it is read, with its length known up front.</summary>
    private sealed class ZeroStream(long length) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get; set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - Position);
            Array.Clear(buffer, offset, n);
            Position += n;
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => Position + offset,
            _ => length + offset,
        };

        public override void Flush() { }
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
