using DonDoc;
using DonDoc.Commands;
using DonDoc.Data;

var command = CommandLine.Parse(args);
var builder = WebApplication.CreateBuilder(command.HostArgs);
if (command.NoDemo)
    builder.Configuration["Demo:Load"] = "false";
builder.AddDonDocServices();
var app = builder.Build();

if (command.Verb is not null)
    return await CommandLine.RunAsync(app, command);

await Startup.PrepareDatabaseAsync(app.Services, app.Configuration, app.Logger);
app.UseDonDocPipeline();
await app.RunAsync();
return 0;
