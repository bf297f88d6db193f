using System.Text.Json;
using DonDoc.Data;
using DonDoc.Security;
using DonDoc.Storage;
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
    /// The text of an uploaded .docx or .txt, or why there is none. The size is checked before reading, and the
    /// stream is read asynchronously first: a browser's upload stream cannot be read synchronously.
    /// </summary>
    public static async Task<PlanFile.Result> ReadUploadAsync(Stream content, string fileName, long length, long maxBytes, CancellationToken ct = default)
    {
        if (length > maxBytes)
            return new(null, $"Tệp “{fileName}” lớn hơn {maxBytes / (1024 * 1024)} MB: hãy nhập tệp nhỏ hơn hoặc dán nội dung văn bản.");
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        if (buffer.Length > maxBytes)
            return new(null, $"Tệp “{fileName}” lớn hơn {maxBytes / (1024 * 1024)} MB: hãy nhập tệp nhỏ hơn hoặc dán nội dung văn bản.");
        buffer.Position = 0;
        return PlanFile.Read(buffer, Path.GetExtension(fileName));
    }

    private static async Task<Results<JsonHttpResult<ImportedPlan>, ValidationProblem>> ParseAsync(HttpRequest request, DonDocDbContext db,
        FileStore files, CancellationToken ct)
    {
        PlanFile.Result read;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            if ((form.Files.GetFile("file") ?? form.Files.FirstOrDefault()) is not { } file)
                return Invalid("file", "Cần gửi tệp .docx hoặc .txt của kế hoạch trong trường file.");
            await using var stream = file.OpenReadStream();
            read = await ReadUploadAsync(stream, file.FileName, file.Length, files.MaxBytes, ct);
        }
        else if (request.HasJsonContentType())
        {
            try
            {
                read = new((await request.ReadFromJsonAsync<ParseRequest>(ct))?.Text, null);
            }
            catch (JsonException)
            {
                return Invalid("text", "Nội dung gửi lên không phải JSON hợp lệ dạng {\"text\": \"…\"}.");
            }
        }
        else
            return Invalid("text", "Gửi văn bản dạng JSON {\"text\": \"…\"} hoặc tệp .docx/.txt dạng multipart/form-data.");
        if (read.Error is not null)
            return Invalid("file", read.Error);
        var outcome = await ParseTextAsync(db, read.Text, ct);
        return outcome.Plan is { } plan ? TypedResults.Json(plan, ImportedPlan.Json) : Invalid("text", outcome.Error!);
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "Không đọc được kế hoạch.");
}
