using System.IO.Compression;
using System.Security.Cryptography;
using Contests.Domain.Entries;

namespace Contests.Api.Entries;

/// <summary>The "Contests:Files" configuration section: where entry files live and how large they may be.</summary>
public sealed class EntryFileOptions
{
    public const string Section = "Contests:Files";

    /// <summary>Relative paths are under the application's content root. Never inside the web root.</summary>
    public string Root { get; set; } = Path.Combine("App_Data", "files");

    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    public long MaxEntryBytes { get; set; } = 30 * 1024 * 1024;

    public int MaxFiles { get; set; } = 10;

    public EntryLimits Limits => new(MaxFileBytes, MaxEntryBytes, MaxFiles);
}

/// <summary>An upload copied to a private temporary file and checked: its hash, size and the type its bytes show.</summary>
public sealed record StagedFile(string TemporaryPath, string Sha256, long Size, FileType Type, string Name);

/// <summary>
/// Entry files, stored once per content under their SHA-256 (ab/abcdef…), without extension, outside the web root:
/// nothing here is ever executed or served by path. Uploads are staged first, so an upload refused or cut off leaves
/// nothing behind, and only files that passed every check are moved into place.
/// </summary>
public sealed class EntryFileStore(EntryFileOptions options, IHostEnvironment environment)
{
    private string Root => Path.GetFullPath(options.Root, environment.ContentRootPath);

    /// <summary>Copies the upload aside while hashing it; null with the rule it broke when it is too large or not an accepted type.</summary>
    public async Task<(StagedFile? File, string? Refusal)> Stage(IFormFile upload, CancellationToken cancellationToken)
    {
        if (upload.Length > options.MaxFileBytes)
        {
            return (null, "file-too-large");
        }

        var staging = Path.Combine(Root, "staging");
        Directory.CreateDirectory(staging);
        var path = Path.Combine(staging, Guid.NewGuid().ToString("N"));
        try
        {
            var (hash, size, head) = await CopyHashing(upload, path, cancellationToken);
            if (size > options.MaxFileBytes)
            {
                File.Delete(path);
                return (null, "file-too-large");
            }

            var type = FileTypes.IsZip(head) ? OfficeType(path) : FileTypes.Detect(head);
            if (type is null)
            {
                File.Delete(path);
                return (null, "file-type-not-allowed");
            }

            return (new StagedFile(path, hash, size, type, EntryRules.CleanFileName(upload.FileName)), null);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    private static async Task<(string Hash, long Size, byte[] Head)> CopyHashing(IFormFile upload, string path, CancellationToken cancellationToken)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var source = upload.OpenReadStream();
        await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        var buffer = new byte[81920];
        var head = new List<byte>(FileTypes.HeadLength);
        long size = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            head.AddRange(buffer.Take(Math.Min(read, FileTypes.HeadLength - head.Count)));
            sha.AppendData(buffer, 0, read);
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            size += read;
        }

        return (Convert.ToHexStringLower(sha.GetHashAndReset()), size, head.ToArray());
    }

    /// <summary>A ZIP is accepted only as a Word, Excel or PowerPoint document; a broken ZIP is not accepted at all.</summary>
    private static FileType? OfficeType(string path)
    {
        try
        {
            using var archive = ZipFile.OpenRead(path);
            return FileTypes.DetectOffice(archive.Entries.Select(entry => entry.FullName));
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>Moves a checked file into place; the same content stored before is kept as it is.</summary>
    public void Keep(string organisation, StagedFile staged)
    {
        var target = PathOf(organisation, staged.Sha256);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (File.Exists(target))
        {
            File.Delete(staged.TemporaryPath);
            return;
        }

        File.Move(staged.TemporaryPath, target);
    }

    public void Discard(IEnumerable<StagedFile> staged)
    {
        foreach (var file in staged)
        {
            File.Delete(file.TemporaryPath);
        }
    }

    /// <summary>The stored file's bytes, or null when there is none (or the name is not a SHA-256).</summary>
    public Stream? Open(string organisation, string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(Uri.IsHexDigit))
        {
            return null;
        }

        var path = PathOf(organisation, sha256.ToLowerInvariant());
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    /// <summary>
    /// Each organisation's files in a folder of its own (slugs are checked to be plain lower-case words), so that no
    /// organisation's content is ever read through another's, even where two teams uploaded the same bytes.
    /// </summary>
    private string PathOf(string organisation, string sha256) => Path.Combine(Root, organisation, sha256[..2], sha256);
}
