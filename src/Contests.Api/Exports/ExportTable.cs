using System.Runtime.CompilerServices;

namespace Contests.Api.Exports;

public enum ExportFormat
{
    Xlsx,
    Csv,
    Json,
}

/// <summary>How spreadsheets show a column's values; dates are Vietnam local time, dd/MM/yyyy.</summary>
public enum CellFormat
{
    General,
    Date,
    DateTime,
}

/// <summary>
/// One column of an export: a stable <paramref name="Key"/> (the JSON property), the Vietnamese header spreadsheets
/// show, a width in characters, and how to read the cell from a row. Adding a column to an export is adding one of these.
/// </summary>
public sealed record ExportColumn<TRow>(string Key, string Header, double Width, Func<TRow, object?> Value, CellFormat Format = CellFormat.General);

/// <summary>The shape every format writes: the columns' keys, headers, widths and formats.</summary>
public sealed record ExportHeader(string Key, string Header, double Width, CellFormat Format);

/// <summary>
/// Rows of one sheet with their columns (an XLSX sheet, e.g. one division; CSV and JSON write every sheet's rows one
/// after another, CSV under a new header line where a sheet's columns differ from the sheet before).
/// </summary>
public sealed record ExportSheet(string Name, IReadOnlyList<ExportHeader> Columns, IAsyncEnumerable<object?[]> Rows)
{
    public static ExportSheet Of<TRow>(string name, IReadOnlyList<ExportColumn<TRow>> columns, IAsyncEnumerable<TRow> rows) =>
        new(name, [.. columns.Select(column => new ExportHeader(column.Key, column.Header, column.Width, column.Format))], Cells(rows, columns));

    private static async IAsyncEnumerable<object?[]> Cells<TRow>(
        IAsyncEnumerable<TRow> rows, IReadOnlyList<ExportColumn<TRow>> columns, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var cells = new object?[columns.Count];
            for (var index = 0; index < columns.Count; index++)
            {
                cells[index] = columns[index].Value(row);
            }

            yield return cells;
        }
    }
}

/// <summary>
/// What an export produces before it is written in a format: rows are read lazily, one at a time, while the file is
/// being sent, so an export of any size holds one row in memory rather than the whole file.
/// </summary>
public sealed record ExportTable(string FileName, IReadOnlyList<ExportSheet> Sheets)
{
    /// <summary>An export whose sheets all have the same columns.</summary>
    public static ExportTable Of<TRow>(string fileName, IReadOnlyList<ExportColumn<TRow>> columns, params (string Sheet, IAsyncEnumerable<TRow> Rows)[] sheets) =>
        new(fileName, [.. sheets.Select(sheet => ExportSheet.Of(sheet.Sheet, columns, sheet.Rows))]);
}
