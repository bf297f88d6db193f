namespace DonDoc.Tests.Infrastructure;

public static class RepoPaths
{
    /// <summary>The repository's root folder: the one holding DonDoc.slnx, above the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DonDoc.slnx")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("DonDoc.slnx not found above " + AppContext.BaseDirectory);
    }
}
