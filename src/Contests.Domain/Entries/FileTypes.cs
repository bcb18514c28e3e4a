namespace Contests.Domain.Entries;

/// <summary>A file type entries accept, as recognised from the file's first bytes (and, for Office files, its ZIP entries).</summary>
public sealed record FileType(string Name, string ContentType, string Extension);

/// <summary>
/// Files are judged by what they are, never by their name: a program renamed "video.mp4" is still a program. Only
/// photos (JPEG, PNG), PDF, Word/Excel/PowerPoint documents (ZIP holding [Content_Types].xml and the part that makes
/// it one of them) and MP4 video are accepted.
/// </summary>
public static class FileTypes
{
    public static readonly FileType Jpeg = new("JPEG", "image/jpeg", ".jpg");
    public static readonly FileType Png = new("PNG", "image/png", ".png");
    public static readonly FileType Pdf = new("PDF", "application/pdf", ".pdf");
    public static readonly FileType Mp4 = new("MP4", "video/mp4", ".mp4");
    public static readonly FileType Docx = new("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
    public static readonly FileType Xlsx = new("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");
    public static readonly FileType Pptx = new("PPTX", "application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx");

    /// <summary>How many leading bytes <see cref="Detect"/> needs.</summary>
    public const int HeadLength = 16;

    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> PdfMagic => "%PDF-"u8;
    private static ReadOnlySpan<byte> ZipMagic => [0x50, 0x4B, 0x03, 0x04];
    private static ReadOnlySpan<byte> Mp4Box => "ftyp"u8;

    public static bool IsZip(ReadOnlySpan<byte> head) => head.StartsWith(ZipMagic);

    /// <summary>The type of a file that is not a ZIP, from its first <see cref="HeadLength"/> bytes; null when not accepted.</summary>
    public static FileType? Detect(ReadOnlySpan<byte> head) =>
        head.StartsWith(JpegMagic) ? Jpeg
        : head.StartsWith(PngMagic) ? Png
        : head.StartsWith(PdfMagic) ? Pdf
        : head.Length >= 8 && head[4..8].SequenceEqual(Mp4Box) ? Mp4
        : null;

    /// <summary>Which Office document a ZIP is, from the names of its entries; null for any other ZIP.</summary>
    public static FileType? DetectOffice(IEnumerable<string> zipEntryNames)
    {
        var names = zipEntryNames.ToHashSet(StringComparer.Ordinal);
        return !names.Contains("[Content_Types].xml") ? null
            : names.Contains("word/document.xml") ? Docx
            : names.Contains("xl/workbook.xml") ? Xlsx
            : names.Contains("ppt/presentation.xml") ? Pptx
            : null;
    }
}
