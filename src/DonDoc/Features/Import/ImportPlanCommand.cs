using DonDoc.Data;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Features.Import;

/// <summary>
/// <c>import-plan FILE [--json]</c>: reads a plan file and prints what the importer found as JSON on stdout.
/// Units are matched against the app's registry, prepared as the app's start prepares it (so an empty SQLite
/// database gets the demo units). Nothing is saved.
/// </summary>
public static class ImportPlanCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, IConfiguration config, ILogger logger, string? path, TextWriter stdout, TextWriter stderr)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            await stderr.WriteLineAsync("Cần tên tệp: import-plan TỆP [--json]");
            return 1;
        }
        var file = PlanFile.Read(Resolve(path));
        if (file.Error is not null)
        {
            await stderr.WriteLineAsync(file.Error);
            return 1;
        }
        await Startup.PrepareDatabaseAsync(services, config, logger);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DonDocDbContext>();
        var units = (await db.Units.AsNoTracking().OrderBy(u => u.SortOrder).ThenBy(u => u.Id).ToListAsync())
            .Select(u => new RegistryUnit(u.Id, u.Name, u.ShortName, u.Aliases, u.Kind)).ToList();
        var outcome = PlanImporter.Parse(file.Text!, units);
        if (outcome.Error is not null)
        {
            await stderr.WriteLineAsync(outcome.Error);
            return 1;
        }
        await stdout.WriteLineAsync(outcome.Plan!.ToJson());
        return 0;
    }

    /// <summary>
    /// `dotnet run --project src/DonDoc` runs in the project's folder, so a path relative to where the command was
    /// typed is found through the shell's PWD.
    /// </summary>
    private static string Resolve(string path)
    {
        if (Path.IsPathRooted(path) || File.Exists(path) || Environment.GetEnvironmentVariable("PWD") is not { Length: > 0 } shell)
            return path;
        var fromShell = Path.Combine(shell, path);
        return File.Exists(fromShell) ? fromShell : path;
    }
}
