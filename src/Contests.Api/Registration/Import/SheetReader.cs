using System.Globalization;
using Contests.Domain.Import;
using MiniExcelLibs;

namespace Contests.Api.Registration.Import;

public sealed record Sheet(IReadOnlyList<string> Headers, IReadOnlyList<SheetRow> Rows);

/// <summary>Reads an uploaded XLSX or CSV into plain rows of text; the first non-blank row is the header.</summary>
public static class SheetReader
{
    public const int MaxBytes = 10 * 1024 * 1024;
    public const int MaxRows = 10_000;

    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];

    public static (Sheet? Sheet, string? Refusal) Read(byte[] bytes)
    {
        if (bytes.Length > MaxBytes)
        {
            return (null, "import-too-large");
        }

        List<IReadOnlyList<string>> rows;
        try
        {
            // Decided by content, never by the file name: an XLSX is a zip archive.
            if (bytes.AsSpan().StartsWith(ZipSignature))
            {
                rows = ReadXlsx(bytes);
            }
            else
            {
                var (text, refusal) = TextDecoding.Decode(bytes);
                if (text is null)
                {
                    return (null, refusal);
                }

                rows = CsvText.Parse(text, MaxRows + 50);
            }
        }
        catch (Exception exception) when (exception is InvalidDataException or InvalidOperationException or IOException or FormatException)
        {
            return (null, "import-unreadable");
        }

        var headerIndex = rows.FindIndex(row => row.Any(cell => !string.IsNullOrWhiteSpace(cell)));
        if (headerIndex < 0)
        {
            return (null, "import-empty");
        }

        if (rows.Count - headerIndex - 1 > MaxRows)
        {
            return (null, "import-too-many-rows");
        }

        var data = rows.Skip(headerIndex + 1).Select((cells, offset) => new SheetRow(headerIndex + offset + 2, cells)).ToList();
        return (new Sheet(rows[headerIndex], data), null);
    }

    private static List<IReadOnlyList<string>> ReadXlsx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        var rows = new List<IReadOnlyList<string>>();
        foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false))
        {
            rows.Add(row.Values.Select(Text).ToList());
            if (rows.Count > MaxRows + 50)
            {
                break;
            }
        }

        return rows;
    }

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        // PostgreSQL cannot store a NUL; a workbook cell should never hold one anyway.
        _ => (value.ToString() ?? string.Empty).Replace("\0", string.Empty, StringComparison.Ordinal),
    };
}
