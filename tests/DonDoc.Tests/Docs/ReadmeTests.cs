using System.Text.RegularExpressions;
using DonDoc.Demo;
using DonDoc.Tests.Infrastructure;

namespace DonDoc.Tests.Docs;

public sealed partial class ReadmeTests
{
    [GeneratedRegex(@"(<!-- demo-accounts:[^\n]*-->\n)(.*?)(<!-- /demo-accounts -->)", RegexOptions.Singleline)]
    private static partial Regex AccountsBlock();

    private static string ReadmePath => Path.Combine(RepoPaths.Root, "README.md");

    /// <summary>Set DONDOC_UPDATE_README=1 to rewrite the README's table from the code after changing the demo accounts.</summary>
    [Fact]
    public void The_README_lists_exactly_the_demo_accounts()
    {
        var readme = File.ReadAllText(ReadmePath);
        var block = AccountsBlock().Match(readme);
        Assert.True(block.Success, "README.md has no demo-accounts block");
        var expected = DemoAccounts.MarkdownTable();
        if (Environment.GetEnvironmentVariable("DONDOC_UPDATE_README") == "1")
            File.WriteAllText(ReadmePath, readme.Replace(block.Groups[2].Value, expected));
        else
            Assert.Equal(expected, block.Groups[2].Value);
    }

    [Fact]
    public void The_README_starts_with_the_run_and_test_commands()
    {
        var readme = File.ReadAllText(ReadmePath);
        var firstBlock = readme[(readme.IndexOf("```bash\n", StringComparison.Ordinal) + 8)..];
        firstBlock = firstBlock[..firstBlock.IndexOf("```", StringComparison.Ordinal)];
        Assert.Equal(["dotnet run --project src/DonDoc", "dotnet test"], firstBlock.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
