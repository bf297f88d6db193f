using System.Text.Json;
using DonDoc.Data;
using DonDoc.Security;
using DonDoc.Storage;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;

namespace DonDoc.Features.Import;

/// <summary>Plan import for the screen and the API: read an upload, parse it against the unit registry, save the reviewed plan.</summary>
public static class ImportEndpoints
{
    public static IServiceCollection AddImport(this IServiceCollection services) => services.AddScoped<SaveImportedPlan>();

    public sealed record ParseRequest(string? Text);

    public static void MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/plans/import/parse", ParseAsync).WithTags("Kế hoạch").WithName("ParsePlanImport")
            .WithSummary("Đọc văn bản kế hoạch (JSON {\"text\": …} hoặc tệp .docx/.txt gửi multipart, trường file): cấu trúc, văn bản dẫn chiếu, đơn vị, thời hạn; không lưu gì")
            .Accepts<ParseRequest>("application/json", "multipart/form-data").AddOpenApiOperationTransformer(DescribeFileUpload)
            .Produces<ImportedPlan>(StatusCodes.Status200OK, "application/json")
            .RequireAuthorization(Policies.ManagePlans).DisableAntiforgery();
    }

    /// <summary>The multipart body is a file, not the JSON request: endpoint metadata gives both content types one body type.</summary>
    private static Task DescribeFileUpload(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        if (operation.RequestBody?.Content is { } content)
            content["multipart/form-data"] = new OpenApiMediaType
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Properties = new Dictionary<string, IOpenApiSchema> { ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
                },
            };
        return Task.CompletedTask;
    }

    /// <summary>The parse of a plan's text, its units matched against the whole registry (past units too: old plans name them).</summary>
    public static async Task<ImportOutcome> ParseTextAsync(DonDocDbContext db, string? text, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(text))
            return PlanImporter.Parse("", []);
        var units = (await db.Units.AsNoTracking().OrderBy(u => u.SortOrder).ThenBy(u => u.Id).ToListAsync(ct))
            .Select(u => new RegistryUnit(u.Id, u.Name, u.ShortName, u.Aliases, u.Kind)).ToList();
        return PlanImporter.Parse(text, units);
    }

    /// <summary>
    /// The text of an uploaded .docx or .txt, or why there is none. The declared size is checked before reading and
    /// the real one while reading, so an understated upload stops at the limit rather than filling memory. The
    /// stream is read asynchronously: a browser's upload stream cannot be read synchronously.
    /// </summary>
    public static async Task<PlanFile.Result> ReadUploadAsync(Stream content, string fileName, long length, long maxBytes, CancellationToken ct = default)
    {
        if (length > maxBytes)
            return TooLarge(fileName, maxBytes);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                return TooLarge(fileName, maxBytes);
            buffer.Write(chunk, 0, read);
        }
        return PlanFile.Read(buffer.ToArray(), Path.GetExtension(fileName));
    }

    private static PlanFile.Result TooLarge(string fileName, long maxBytes) =>
        new(null, $"Tệp “{fileName}” lớn hơn {maxBytes / (1024 * 1024)} MB: hãy nhập tệp nhỏ hơn hoặc dán nội dung văn bản.");

    /// <summary>Room for the multipart headers and boundaries, or the JSON around the text, beyond the file limit.</summary>
    private const long EnvelopeBytes = 1024 * 1024;

    private static async Task<Results<JsonHttpResult<ImportedPlan>, ValidationProblem>> ParseAsync(HttpRequest request, DonDocDbContext db,
        FileStore files, CancellationToken ct)
    {
        // A body over the limit is refused by its declared length before any of it is read, and cut off at the
        // limit when its length is not declared.
        var limit = files.MaxBytes + EnvelopeBytes;
        var field = request.HasFormContentType ? "file" : "text";
        var tooLarge = $"Nội dung gửi lên lớn hơn {files.MaxBytes / (1024 * 1024)} MB: hãy nhập tệp nhỏ hơn hoặc chỉ gửi phần văn bản của kế hoạch.";
        if (request.ContentLength > limit)
            return Invalid(field, tooLarge);
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            bodySize.MaxRequestBodySize = limit;
        PlanFile.Result read;
        try
        {
            read = await ReadAsync(request, files.MaxBytes, ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Invalid(field, tooLarge);
        }
        catch (InvalidDataException)
        {
            return Invalid(field, "Nội dung gửi lên không đọc được: gửi tệp .docx/.txt dạng multipart/form-data trong trường file.");
        }
        if (read.Error is not null)
            return Invalid(field, read.Error);
        var outcome = await ParseTextAsync(db, read.Text, ct);
        return outcome.Plan is { } plan ? TypedResults.Json(plan, ImportedPlan.Json) : Invalid("text", outcome.Error!);
    }

    private static async Task<PlanFile.Result> ReadAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            if ((form.Files.GetFile("file") ?? form.Files.FirstOrDefault()) is not { } file)
                return new(null, "Cần gửi tệp .docx hoặc .txt của kế hoạch trong trường file.");
            await using var stream = file.OpenReadStream();
            return await ReadUploadAsync(stream, file.FileName, file.Length, maxBytes, ct);
        }
        if (!request.HasJsonContentType())
            return new(null, "Gửi văn bản dạng JSON {\"text\": \"…\"} hoặc tệp .docx/.txt dạng multipart/form-data.");
        try
        {
            return new((await request.ReadFromJsonAsync<ParseRequest>(ct))?.Text, null);
        }
        catch (JsonException)
        {
            return new(null, "Nội dung gửi lên không phải JSON hợp lệ dạng {\"text\": \"…\"}.");
        }
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "Không đọc được kế hoạch.");
}
