using System.Diagnostics;
using DonDoc.Tests.Infrastructure;

namespace DonDoc.Tests.Documents;

/// <summary>
/// LibreOffice and poppler as a reader would meet the documents: .docx to PDF with soffice, the PDF's text with
/// pdftotext, a page as PNG with pdftoppm. Where a tool is missing, a local run skips naming it; under CI (the
/// CI variable set) it fails, like the browser and PostgreSQL tests that CI runs with skips counted as failures.
/// </summary>
public sealed class LibreOffice : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private readonly string _dir = Directory.CreateTempSubdirectory("dondoc-soffice-").FullName;

    public static void RequireTools()
    {
        var missing = new[] { "soffice", "pdftotext", "pdftoppm", "pdfinfo" }.Where(tool => Which(tool) is null).ToList();
        if (missing.Count == 0)
            return;
        var message = $"{string.Join(", ", missing)} not installed (apt-get install libreoffice-writer-nogui fonts-liberation2 poppler-utils)";
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            Assert.Fail(message);
        Assert.Skip(message);
    }

    /// <summary>Converts the .docx to PDF in a private profile, so parallel runs never share LibreOffice's lock.</summary>
    public async Task<string> ToPdfAsync(byte[] docx, string name, CancellationToken ct)
    {
        var input = Path.Combine(_dir, name + ".docx");
        await File.WriteAllBytesAsync(input, docx, ct);
        await RunAsync("soffice", ct, $"-env:UserInstallation=file://{Path.Combine(_dir, "profile")}", "--headless", "--norestore",
            "--convert-to", "pdf", "--outdir", _dir, input);
        var pdf = Path.Combine(_dir, name + ".pdf");
        Assert.True(File.Exists(pdf), $"LibreOffice wrote no PDF for {name}.docx");
        // Kept beside the screenshots for a person to open: the .docx as written and the PDF as LibreOffice laid it out.
        var artifacts = Directory.CreateDirectory(Path.Combine(RepoPaths.Root, "TestResults", "documents")).FullName;
        File.Copy(input, Path.Combine(artifacts, name + ".docx"), overwrite: true);
        File.Copy(pdf, Path.Combine(artifacts, name + ".pdf"), overwrite: true);
        return pdf;
    }

    public async Task<string> TextAsync(string pdf, CancellationToken ct)
    {
        var output = Path.Combine(_dir, Path.GetFileNameWithoutExtension(pdf) + ".txt");
        await RunAsync("pdftotext", ct, "-layout", "-enc", "UTF-8", pdf, output);
        return await File.ReadAllTextAsync(output, ct);
    }

    public static async Task<int> PageCountAsync(string pdf, CancellationToken ct)
    {
        var info = await RunAsync("pdfinfo", ct, pdf);
        var line = info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return int.Parse(line["Pages:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Renders one page at 60 dpi to <paramref name="png"/>.</summary>
    public static async Task RenderPageAsync(string pdf, int page, string png, CancellationToken ct)
    {
        var prefix = png[..^".png".Length];
        var p = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await RunAsync("pdftoppm", ct, "-png", "-r", "60", "-f", p, "-l", p, "-singlefile", pdf, prefix);
        Assert.True(File.Exists(png), $"pdftoppm wrote no {png}");
    }

    private static async Task<string> RunAsync(string tool, CancellationToken ct, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} did not finish within {Timeout.TotalSeconds:0} s");
        }
        Assert.True(process.ExitCode == 0, $"{tool} failed ({process.ExitCode}): {await stderr}");
        return await stdout;
    }

    private static string? Which(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool)).FirstOrDefault(File.Exists);

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
