using DonDoc.Data;
using DonDoc.Demo;
using DonDoc.Features.Audit;
using DonDoc.Features.Import;

namespace DonDoc.Commands;

/// <summary>The verbs of <c>dotnet run --project src/DonDoc -- VERB [options]</c>.</summary>
public sealed record CommandLine(string? Verb, IReadOnlyDictionary<string, string?> Options, IReadOnlyList<string> Positional, string[] HostArgs, bool NoDemo)
{
    private static readonly HashSet<string> Verbs = ["migrate", "seed-demo", "create-admin", "create-token", "import-plan", "verify-audit", "backup", "restore", "reindex-search"];

    // Options that belong to a verb rather than to the web host's configuration.
    private static readonly HashSet<string> VerbOptions = ["--user", "--password", "--name", "--unit", "--days", "--full-name", "--out"];

    // Options of a verb that take no value.
    private static readonly HashSet<string> VerbFlags = ["--json"];

    public static CommandLine Parse(string[] args)
    {
        var verb = args.Length > 0 && Verbs.Contains(args[0]) ? args[0] : null;
        var options = new Dictionary<string, string?>();
        var positional = new List<string>();
        var host = new List<string>();
        var noDemo = false;
        for (var i = verb is null ? 0 : 1; i < args.Length; i++)
        {
            var a = args[i];
            if (a == "--no-demo")
                noDemo = true;
            else if (verb is not null && VerbFlags.Contains(a))
                options[a[2..]] = "true";
            else if (verb is not null && VerbOptions.Contains(a))
                options[a[2..]] = i + 1 < args.Length ? args[++i] : null;
            else if (verb is not null && !a.StartsWith('-') && (i == 0 || !args[i - 1].StartsWith("--", StringComparison.Ordinal)
                || args[i - 1].Contains('=') || VerbFlags.Contains(args[i - 1])))
                positional.Add(a);
            else
                host.Add(a);
        }
        return new CommandLine(verb, options, positional, host.ToArray(), noDemo);
    }

    public string? Option(string name) => Options.TryGetValue(name, out var v) ? v : null;

    /// <param name="stdout">Where a verb's output goes (the console unless a test captures it).</param>
    public static async Task<int> RunAsync(WebApplication app, CommandLine command, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var services = app.Services;
        try
        {
            switch (command.Verb)
            {
                case "migrate":
                    await Startup.MigrateAsync(services, app.Logger);
                    Console.WriteLine("Đã cập nhật cấu trúc cơ sở dữ liệu.");
                    return 0;
                case "seed-demo":
                    await Startup.MigrateAsync(services, app.Logger);
                    await using (var scope = services.CreateAsyncScope())
                    {
                        var demo = scope.ServiceProvider.GetRequiredService<DemoData>();
                        if (!await demo.IsDatabaseEmptyAsync())
                        {
                            Console.Error.WriteLine("Cơ sở dữ liệu đã có dữ liệu; không nạp dữ liệu mẫu để tránh trộn lẫn.");
                            return 1;
                        }
                        await demo.LoadAsync();
                    }
                    Console.WriteLine("Đã nạp dữ liệu mẫu.");
                    return 0;
                case "create-admin":
                    await Startup.MigrateAsync(services, app.Logger);
                    return await AccountCommands.CreateAdminAsync(services, command);
                case "create-token":
                    return await AccountCommands.CreateTokenAsync(services, command);
                case "backup" when command.Option("out") is { Length: > 0 } output:
                    await (stdout ?? Console.Out).WriteLineAsync(await new Backup(app.Configuration, app.Environment.ContentRootPath).CreateAsync(output));
                    return 0;
                case "backup":
                    await (stderr ?? Console.Error).WriteLineAsync("Dùng: backup --out TỆP.zip");
                    return 2;
                case "restore" when command.Positional.FirstOrDefault() is { } input:
                    await (stdout ?? Console.Out).WriteLineAsync(await new Backup(app.Configuration, app.Environment.ContentRootPath).RestoreAsync(input));
                    return 0;
                case "restore":
                    await (stderr ?? Console.Error).WriteLineAsync("Dùng: restore TỆP.zip");
                    return 2;
                case "verify-audit":
                    return await VerifyAuditAsync(services, stdout ?? Console.Out, stderr ?? Console.Error);
                case "import-plan":
                    return await ImportPlanCommand.RunAsync(services, app.Configuration, app.Logger,
                        command.Positional.FirstOrDefault(), stdout ?? Console.Out, stderr ?? Console.Error);
                case "reindex-search":
                    await Startup.MigrateAsync(services, app.Logger);
                    await using (var scope = services.CreateAsyncScope())
                    {
                        var count = await Features.Search.SearchIndexer.RebuildAsync(scope.ServiceProvider.GetRequiredService<DonDocDbContext>());
                        (stdout ?? Console.Out).WriteLine($"Đã lập lại chỉ mục tìm kiếm: {count} mục.");
                    }
                    return 0;
                default:
                    Console.Error.WriteLine($"Lệnh không hợp lệ: {command.Verb}");
                    return 2;
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException or IOException
            or InvalidDataException or System.ComponentModel.Win32Exception)
        {
            await (stderr ?? Console.Error).WriteLineAsync($"Lỗi: {ex.Message}");
            return 1;
        }
    }

    /// <summary>Exit 0 when the audit chain holds, 1 with the first broken entry otherwise.</summary>
    private static async Task<int> VerifyAuditAsync(IServiceProvider services, TextWriter stdout, TextWriter stderr)
    {
        await using var scope = services.CreateAsyncScope();
        var check = await scope.ServiceProvider.GetRequiredService<AuditChain>()
            .VerifyAsync(scope.ServiceProvider.GetRequiredService<DonDocDbContext>());
        await (check.Holds ? stdout : stderr).WriteLineAsync(check.Message);
        return check.Holds ? 0 : 1;
    }
}
