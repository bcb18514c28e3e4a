using System.Globalization;
using System.Text;
using System.Text.Json;
using Contests.Domain;
using Contests.Domain.Exports;

namespace Contests.Api.Exports;

/// <summary>
/// Writes an <see cref="ExportTable"/> as XLSX, CSV or JSON straight into a stream, row by row. Spreadsheet formats
/// (XLSX, CSV) get text that cannot run as a formula and dates in Vietnam's local time; JSON keeps exact values and
/// ISO 8601 instants for programs.
/// </summary>
public static class ExportWriters
{
    private const string DateTimeFormat = "dd/MM/yyyy HH:mm";
    private const string DateFormat = "dd/MM/yyyy";

    public static string ContentType(ExportFormat format) => format switch
    {
        ExportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ExportFormat.Csv => "text/csv; charset=utf-8",
        _ => "application/json; charset=utf-8",
    };

    public static string Extension(ExportFormat format) => format.ToString().ToLowerInvariant();

    public static Task WriteAsync(ExportTable table, ExportFormat format, Stream output, CancellationToken cancellationToken) => format switch
    {
        ExportFormat.Xlsx => XlsxWriter.WriteAsync(table, output, cancellationToken),
        ExportFormat.Csv => WriteCsv(table, output, cancellationToken),
        _ => WriteJson(table, output, cancellationToken),
    };

    private static async Task WriteCsv(ExportTable table, Stream output, CancellationToken cancellationToken)
    {
        // The BOM is what makes Excel read the file as UTF-8 instead of mangling every Vietnamese letter.
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true);
        IReadOnlyList<ExportHeader>? header = null;
        foreach (var sheet in table.Sheets)
        {
            if (header is null || !header.SequenceEqual(sheet.Columns))
            {
                // Sheets of another shape (match results: the matches, then the standings) follow after an empty line.
                await writer.WriteAsync((header is null ? string.Empty : "\r\n") + string.Join(',', sheet.Columns.Select(column => SpreadsheetText.CsvField(column.Header))) + "\r\n");
                header = sheet.Columns;
            }

            await foreach (var row in sheet.Rows.WithCancellation(cancellationToken))
            {
                await writer.WriteAsync(string.Join(',', row.Select(cell => SpreadsheetText.CsvField(CsvCell(cell)))) + "\r\n");
            }
        }
    }

    private static async Task WriteJson(ExportTable table, Stream output, CancellationToken cancellationToken)
    {
        await using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartArray();
        foreach (var sheet in table.Sheets)
        {
            await foreach (var row in sheet.Rows.WithCancellation(cancellationToken))
            {
                writer.WriteStartObject();
                for (var index = 0; index < row.Length; index++)
                {
                    writer.WritePropertyName(sheet.Columns[index].Key);
                    JsonCell(writer, row[index]);
                }

                writer.WriteEndObject();
                if (writer.BytesPending > 16 * 1024)
                {
                    await writer.FlushAsync(cancellationToken);
                }
            }
        }

        writer.WriteEndArray();
        await writer.FlushAsync(cancellationToken);
    }

    private static string CsvCell(object? value) => value switch
    {
        null => string.Empty,
        string text => SpreadsheetText.Cell(text),
        DateTimeOffset instant => VietnamTime.ToLocal(instant).ToString(DateTimeFormat, CultureInfo.InvariantCulture),
        DateOnly date => date.ToString(DateFormat, CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static void JsonCell(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text.Normalize(NormalizationForm.FormC));
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case decimal number:
                writer.WriteNumberValue(number);
                break;
            case double number:
                writer.WriteNumberValue(number);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case DateTimeOffset instant:
                writer.WriteStringValue(instant);
                break;
            case DateOnly date:
                writer.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            default:
                writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
