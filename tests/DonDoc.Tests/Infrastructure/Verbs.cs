using DonDoc.Commands;
using Microsoft.AspNetCore.Builder;

namespace DonDoc.Tests.Infrastructure;

/// <summary>Runs <c>dotnet run -- VERB ...</c> in-process: the same host set-up and command code, its output captured.</summary>
public static class Verbs
{
    public static Task<(int Code, string Output)> RunAsync(DonDocApp app, params string[] args) =>
        RunAsync(app.Provider, app.ConnectionString, app.ContentDirectory, args);

    /// <param name="directory">The content root, holding the keys and the uploaded files as a test app's does.</param>
    public static async Task<(int Code, string Output)> RunAsync(Provider provider, string connectionString, string directory, params string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = "DonDoc", ContentRootPath = directory });
        builder.Configuration["Database:Provider"] = provider.ToString();
        builder.Configuration["ConnectionStrings:DonDoc"] = connectionString;
        builder.Configuration["DataProtection:KeysPath"] = Path.Combine(directory, "keys");
        builder.Configuration["Uploads:Path"] = Path.Combine(directory, "files");
        builder.Configuration["Jobs:Enabled"] = "false";
        builder.AddDonDocServices();
        await using var host = builder.Build();
        var output = new StringWriter();
        var code = await CommandLine.RunAsync(host, CommandLine.Parse(args), output, output);
        return (code, output.ToString());
    }
}
