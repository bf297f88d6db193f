namespace DonDoc.Bench;

/// <summary>Paths in the source tree the benchmark reads and writes, found from wherever it was built.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    /// <summary>The app's content root when started with `dotnet run --project src/DonDoc`: relative SQLite files live under it.</summary>
    public static string AppRoot => Path.Combine(Root, "src", "DonDoc");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DonDoc.slnx")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Không tìm thấy thư mục gốc của mã nguồn (DonDoc.slnx).");
    }
}
