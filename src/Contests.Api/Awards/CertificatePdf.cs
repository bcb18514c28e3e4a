using System.Diagnostics;
using System.Text;

namespace Contests.Api.Awards;

/// <summary>
/// Prints certificate HTML to one PDF with the server's headless Chromium (Debian's <c>chromium</c>, found as
/// infra/chromium.sh finds it, or at Contests:ChromiumPath / CHROMIUM_PATH). The page and its stylesheet are written to
/// a private temporary folder, so Chromium reads nothing from the network. One print at a time: the machine is small.
/// </summary>
public sealed class CertificatePdf(IConfiguration configuration, ILogger<CertificatePdf> logger)
{
    private static readonly SemaphoreSlim OnePrintAtATime = new(1, 1);
    private static readonly TimeSpan PrintTimeout = TimeSpan.FromMinutes(2);

    public string? ChromiumPath =>
        new[] { configuration["Contests:ChromiumPath"], configuration["CHROMIUM_PATH"] }
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .SelectMany(folder => new[] { Path.Combine(folder, "chromium"), Path.Combine(folder, "chromium-browser") }))
            .FirstOrDefault(path => !string.IsNullOrWhiteSpace(path) && File.Exists(path));

    /// <summary>The PDF as a stream that deletes its file when closed, or null when no Chromium is installed.</summary>
    public async Task<Stream?> PrintAsync(Func<string, string> documentWithStylesheet, CancellationToken cancellationToken)
    {
        if (ChromiumPath is not { } chromium)
        {
            return null;
        }

        var folder = Directory.CreateTempSubdirectory("contests-certificates-");
        await OnePrintAtATime.WaitAsync(cancellationToken);
        try
        {
            var page = Path.Combine(folder.FullName, "certificates.html");
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "certificate.css"), CertificateStyles.Css, Encoding.UTF8, cancellationToken);
            await File.WriteAllTextAsync(page, documentWithStylesheet("certificate.css"), Encoding.UTF8, cancellationToken);
            var pdf = Path.Combine(folder.FullName, "certificates.pdf");
            await RunChromium(chromium, folder.FullName, page, pdf, cancellationToken);

            var kept = Path.Combine(Path.GetTempPath(), $"contests-certificates-{Guid.NewGuid():N}.pdf");
            File.Move(pdf, kept);
            return new FileStream(kept, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        }
        finally
        {
            OnePrintAtATime.Release();
            folder.Delete(recursive: true);
        }
    }

    private async Task RunChromium(string chromium, string folder, string page, string pdf, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(chromium) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--no-first-run", "--no-pdf-header-footer", $"--user-data-dir={Path.Combine(folder, "profile")}",
                     $"--print-to-pdf={pdf}", new Uri(page).AbsoluteUri,
                 })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PrintTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0 || !File.Exists(pdf))
        {
            logger.LogError("Chromium exited with {ExitCode}: {Output} {Errors}", process.ExitCode, await output, await errors);
            throw new InvalidOperationException($"Chromium could not print the certificates (exit {process.ExitCode}).");
        }
    }
}
