using DonDoc;
using DonDoc.Commands;
using DonDoc.Data;

var command = CommandLine.Parse(args);
var builder = WebApplication.CreateBuilder(command.HostArgs);
if (command.NoDemo)
    builder.Configuration["Demo:Load"] = "false";
// No launch profile: `dotnet run` must print nothing of its own, so a verb's stdout stays machine-readable.
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
    builder.WebHost.UseUrls("http://localhost:5080");
// MudBlazor's files come from its package; outside Development they are found only with this (published apps carry copies).
builder.WebHost.UseStaticWebAssets();
if (command.Verb is not null)
    builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
builder.AddDonDocServices();
var app = builder.Build();

if (command.Verb is not null)
    return await CommandLine.RunAsync(app, command);

await Startup.PrepareDatabaseAsync(app.Services, app.Configuration, app.Logger);
await DonDoc.Features.Search.SearchIndexer.BackfillAsync(app.Services, app.Logger);
app.UseDonDocPipeline();
await app.RunAsync();
return 0;
