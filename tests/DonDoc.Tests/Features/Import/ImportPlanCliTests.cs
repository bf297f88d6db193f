using System.Text.Json;
using DonDoc.Commands;
using Microsoft.AspNetCore.Builder;

namespace DonDoc.Tests.Features.Import;

/// <summary>The import-plan verb, run as the app runs verbs: JSON on stdout and 0, or a message on stderr and 1.</summary>
public sealed class ImportPlanCliTests
{
    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var dir = Directory.CreateTempSubdirectory("dondoc-cli-").FullName;
        var command = CommandLine.Parse([.. args, $"--ConnectionStrings:DonDoc=Data Source={Path.Combine(dir, "cli.db")}",
            $"--DataProtection:KeysPath={Path.Combine(dir, "keys")}", "--Logging:LogLevel:Default=Warning"]);
        var builder = WebApplication.CreateBuilder(command.HostArgs);
        builder.AddDonDocServices();
        await using var app = builder.Build();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CommandLine.RunAsync(app, command, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task The_seed_prints_valid_json_and_exits_0()
    {
        var (code, output, _) = await RunAsync("import-plan", ImportFixtures.PathOf("ke-hoach-thuc-hien-nq-30-nq-cp.txt"), "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("Kế hoạch", json.RootElement.GetProperty("document").GetProperty("kind").GetString());
        Assert.Equal(28, json.RootElement.GetProperty("references").GetArrayLength());
        var assignment = json.RootElement.GetProperty("assignments").EnumerateArray().First(a => a.GetProperty("path").GetString() == "III.2");
        Assert.Equal("Sở Nội vụ", assignment.GetProperty("lead")[0].GetString());
    }

    [Fact]
    public async Task A_missing_file_exits_non_zero_with_a_message()
    {
        var (code, output, error) = await RunAsync("import-plan", "/khong/co/ke-hoach.txt", "--json");
        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Contains("Không tìm thấy tệp", error);
    }

    [Fact]
    public void The_verb_takes_its_file_before_or_after_the_json_flag()
    {
        Assert.Equal(["a.txt"], CommandLine.Parse(["import-plan", "--json", "a.txt"]).Positional);
        var command = CommandLine.Parse(["import-plan", "a.txt", "--json"]);
        Assert.Equal(("import-plan", "true"), (command.Verb, command.Option("json")));
        Assert.Equal(["a.txt"], command.Positional);
    }
}
