using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using Contests.Domain;
using Contests.Domain.Exports;

namespace Contests.Api.Exports;

/// <summary>
/// Writes an <see cref="ExportTable"/> as the smallest valid SpreadsheetML package, row by row into the output: one
/// worksheet per sheet with a bold frozen header row, column widths and a filter; text as inline strings (a
/// shared-strings table would have to be held until the end), numbers and booleans as such, dates as serial numbers
/// shown in Vietnam's dd/mm/yyyy. Every write is asynchronous, so a row's bytes leave for the response while the next
/// row is read and memory stays flat whatever the number of rows.
/// </summary>
public static class XlsxWriter
{
    /// <summary>Excel refuses a cell holding more characters than this.</summary>
    public const int MaxCellLength = 32_767;

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string WorksheetType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
    private const string InvalidSheetNameCharacters = "[]:*?/\\";

    /// <summary>Style indices into <see cref="Styles"/>' cellXfs.</summary>
    private const int HeaderStyle = 1;
    private const int DateStyle = 2;
    private const int DateTimeStyle = 3;

    private const string Styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
        <numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy hh:mm"/></numFmts>
        <fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
        <cellXfs count="4">
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>
        <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
        <xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
        </cellXfs>
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
        </styleSheet>
        """;

    private const string PackageRels = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """;

    private static readonly XmlWriterSettings Settings = new() { Async = true, Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), CloseOutput = false };

    private enum CellKind
    {
        Empty,
        Text,
        Number,
        Boolean,
    }

    public static async Task WriteAsync(ExportTable table, Stream output, CancellationToken cancellationToken)
    {
        await using var zip = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken);
        var names = SheetNames(table.Sheets.Select(sheet => sheet.Name));
        var lastRows = new List<int>(table.Sheets.Count);
        for (var index = 0; index < table.Sheets.Count; index++)
        {
            lastRows.Add(await WriteWorksheet(zip, $"xl/worksheets/sheet{index + 1}.xml", table.Columns, table.Sheets[index].Rows, cancellationToken));
        }

        // The workbook is written last: its filter ranges need each sheet's last row.
        await WritePart(zip, "xl/workbook.xml", xml => Workbook(xml, names, table.Columns.Count, lastRows), cancellationToken);
        await WritePart(zip, "xl/_rels/workbook.xml.rels", xml => WorkbookRelationships(xml, names.Count), cancellationToken);
        await WriteText(zip, "xl/styles.xml", Styles, cancellationToken);
        await WriteText(zip, "_rels/.rels", PackageRels, cancellationToken);
        await WritePart(zip, "[Content_Types].xml", xml => ContentTypes(xml, names.Count), cancellationToken);
    }

    /// <summary>
    /// Excel's rules for sheet names: at most 31 characters, none of []:*?/\, not starting or ending with an
    /// apostrophe, unique regardless of case; characters XML cannot carry are dropped, Vietnamese letters composed (NFC).
    /// </summary>
    public static IReadOnlyList<string> SheetNames(IEnumerable<string> names)
    {
        var taken = new List<string>();
        foreach (var name in names)
        {
            var clean = new string(XmlText(name).Normalize(NormalizationForm.FormC).Select(character => InvalidSheetNameCharacters.Contains(character, StringComparison.Ordinal) ? '-' : character).ToArray())
                .Trim().Trim('\'').Trim();
            clean = clean.Length == 0 ? "Sheet" : Truncate(clean, 28).TrimEnd();
            var candidate = clean;
            for (var suffix = 2; taken.Contains(candidate, StringComparer.OrdinalIgnoreCase); suffix++)
            {
                candidate = $"{clean} {suffix}";
            }

            taken.Add(candidate);
        }

        return taken;
    }

    /// <summary>The text without the characters XML 1.0 cannot carry (most control characters, lone surrogates).</summary>
    public static string XmlText(string text)
    {
        StringBuilder? clean = null;
        for (var index = 0; index < text.Length; index++)
        {
            var character = text[index];
            var pair = char.IsHighSurrogate(character) && index + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[index + 1], character);
            if (pair || XmlConvert.IsXmlChar(character))
            {
                clean?.Append(character);
                if (pair)
                {
                    index++;
                    clean?.Append(text[index]);
                }
            }
            else
            {
                clean ??= new StringBuilder(text.Length).Append(text, 0, index);
            }
        }

        return clean?.ToString() ?? text;
    }

    /// <summary>A column's letters: 0 is A, 25 is Z, 26 is AA.</summary>
    public static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var number = index + 1; number > 0; number = (number - 1) / 26)
        {
            name = (char)('A' + ((number - 1) % 26)) + name;
        }

        return name;
    }

    private static async Task<int> WriteWorksheet(
        ZipArchive zip, string path, IReadOnlyList<ExportHeader> columns, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var letters = Enumerable.Range(0, columns.Count).Select(ColumnName).ToArray();
        var lastRow = 1;
        await WritePart(zip, path, async xml =>
        {
            await xml.WriteStartElementAsync(null, "worksheet", Main);
            await xml.WriteStartElementAsync(null, "sheetViews", Main);
            await xml.WriteStartElementAsync(null, "sheetView", Main);
            await Attribute(xml, "workbookViewId", "0");
            await xml.WriteStartElementAsync(null, "pane", Main);
            await Attribute(xml, "ySplit", "1");
            await Attribute(xml, "topLeftCell", "A2");
            await Attribute(xml, "activePane", "bottomLeft");
            await Attribute(xml, "state", "frozen");
            await xml.WriteEndElementAsync();
            await xml.WriteStartElementAsync(null, "selection", Main);
            await Attribute(xml, "pane", "bottomLeft");
            await Attribute(xml, "activeCell", "A2");
            await Attribute(xml, "sqref", "A2");
            await xml.WriteEndElementAsync();
            await xml.WriteEndElementAsync();
            await xml.WriteEndElementAsync();
            await xml.WriteStartElementAsync(null, "sheetFormatPr", Main);
            await Attribute(xml, "defaultRowHeight", "15");
            await xml.WriteEndElementAsync();
            if (columns.Count > 0)
            {
                await xml.WriteStartElementAsync(null, "cols", Main);
                for (var index = 0; index < columns.Count; index++)
                {
                    var number = (index + 1).ToString(CultureInfo.InvariantCulture);
                    await xml.WriteStartElementAsync(null, "col", Main);
                    await Attribute(xml, "min", number);
                    await Attribute(xml, "max", number);
                    await Attribute(xml, "width", columns[index].Width.ToString(CultureInfo.InvariantCulture));
                    await Attribute(xml, "customWidth", "1");
                    await xml.WriteEndElementAsync();
                }

                await xml.WriteEndElementAsync();
            }

            await xml.WriteStartElementAsync(null, "sheetData", Main);
            await WriteRow(xml, lastRow, letters, columns.Select(column => (CellKind.Text, XmlText(column.Header), HeaderStyle)));
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                lastRow++;
                await WriteRow(xml, lastRow, letters, row.Select((value, index) => Cell(value, columns[index].Format)));
            }

            await xml.WriteEndElementAsync();
            if (columns.Count > 0)
            {
                await xml.WriteStartElementAsync(null, "autoFilter", Main);
                await Attribute(xml, "ref", $"A1:{letters[^1]}{lastRow}");
                await xml.WriteEndElementAsync();
            }

            await xml.WriteEndElementAsync();
        }, cancellationToken);
        return lastRow;
    }

    private static async Task WriteRow(XmlWriter xml, int number, string[] letters, IEnumerable<(CellKind Kind, string Text, int Style)> cells)
    {
        var rowNumber = number.ToString(CultureInfo.InvariantCulture);
        await xml.WriteStartElementAsync(null, "row", Main);
        await Attribute(xml, "r", rowNumber);
        var index = 0;
        foreach (var (kind, text, style) in cells)
        {
            var letter = letters[index++];
            if (kind == CellKind.Empty)
            {
                continue;
            }

            await xml.WriteStartElementAsync(null, "c", Main);
            await Attribute(xml, "r", letter + rowNumber);
            if (style != 0)
            {
                await Attribute(xml, "s", style.ToString(CultureInfo.InvariantCulture));
            }

            switch (kind)
            {
                case CellKind.Text:
                    await Attribute(xml, "t", "inlineStr");
                    await xml.WriteStartElementAsync(null, "is", Main);
                    await xml.WriteStartElementAsync(null, "t", Main);
                    if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
                    {
                        await xml.WriteAttributeStringAsync("xml", "space", null, "preserve");
                    }

                    await xml.WriteStringAsync(text);
                    await xml.WriteEndElementAsync();
                    await xml.WriteEndElementAsync();
                    break;
                case CellKind.Boolean:
                    await Attribute(xml, "t", "b");
                    await xml.WriteElementStringAsync(null, "v", Main, text);
                    break;
                default:
                    await xml.WriteElementStringAsync(null, "v", Main, text);
                    break;
            }

            await xml.WriteEndElementAsync();
        }

        await xml.WriteEndElementAsync();
    }

    /// <summary>
    /// A value as a cell: text cannot run as a formula (the exports' rule for every spreadsheet format), instants
    /// are shown in Vietnam's local time, and a date column shows no time.
    /// </summary>
    private static (CellKind Kind, string Text, int Style) Cell(object? value, CellFormat format) => value switch
    {
        null or "" => (CellKind.Empty, string.Empty, 0),
        string text => (CellKind.Text, Truncate(SpreadsheetText.Cell(XmlText(text)), MaxCellLength), 0),
        bool flag => (CellKind.Boolean, flag ? "1" : "0", 0),
        DateTimeOffset instant => Date(VietnamTime.ToLocal(instant), format == CellFormat.Date ? DateStyle : DateTimeStyle),
        DateTime local => Date(local, format == CellFormat.Date ? DateStyle : DateTimeStyle),
        DateOnly date => Date(date.ToDateTime(TimeOnly.MinValue), format == CellFormat.DateTime ? DateTimeStyle : DateStyle),
        double number when !double.IsFinite(number) => (CellKind.Text, number.ToString(CultureInfo.InvariantCulture), 0),
        float number when !float.IsFinite(number) => (CellKind.Text, number.ToString(CultureInfo.InvariantCulture), 0),
        byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal =>
            (CellKind.Number, Convert.ToString(value, CultureInfo.InvariantCulture)!, 0),
        Enum named => (CellKind.Text, named.ToString(), 0),
        _ => (CellKind.Text, Truncate(SpreadsheetText.Cell(XmlText(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty)), MaxCellLength), 0),
    };

    /// <summary>Excel's date serial: days since 30 December 1899, the time of day as the fraction.</summary>
    private static (CellKind, string, int) Date(DateTime local, int style) =>
        (CellKind.Number, local.ToOADate().ToString("R", CultureInfo.InvariantCulture), style);

    private static string Truncate(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }

        // Never keep half of a surrogate pair.
        return text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)];
    }

    private static async Task Workbook(XmlWriter xml, IReadOnlyList<string> names, int columnCount, List<int> lastRows)
    {
        await xml.WriteStartElementAsync(null, "workbook", Main);
        await xml.WriteAttributeStringAsync("xmlns", "r", null, Relationships);
        await xml.WriteStartElementAsync(null, "bookViews", Main);
        await xml.WriteStartElementAsync(null, "workbookView", Main);
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        await xml.WriteStartElementAsync(null, "sheets", Main);
        for (var index = 0; index < names.Count; index++)
        {
            await xml.WriteStartElementAsync(null, "sheet", Main);
            await Attribute(xml, "name", names[index]);
            await Attribute(xml, "sheetId", (index + 1).ToString(CultureInfo.InvariantCulture));
            await xml.WriteAttributeStringAsync("r", "id", Relationships, $"rId{index + 1}");
            await xml.WriteEndElementAsync();
        }

        await xml.WriteEndElementAsync();
        if (columnCount > 0 && names.Count > 0)
        {
            // Excel keeps each sheet's filter range as this hidden name; without it, it rebuilds the name on opening.
            await xml.WriteStartElementAsync(null, "definedNames", Main);
            for (var index = 0; index < names.Count; index++)
            {
                await xml.WriteStartElementAsync(null, "definedName", Main);
                await Attribute(xml, "name", "_xlnm._FilterDatabase");
                await Attribute(xml, "localSheetId", index.ToString(CultureInfo.InvariantCulture));
                await Attribute(xml, "hidden", "1");
                await xml.WriteStringAsync($"'{names[index].Replace("'", "''", StringComparison.Ordinal)}'!$A$1:${ColumnName(columnCount - 1)}${lastRows[index]}");
                await xml.WriteEndElementAsync();
            }

            await xml.WriteEndElementAsync();
        }

        await xml.WriteEndElementAsync();
    }

    private static async Task WorkbookRelationships(XmlWriter xml, int sheetCount)
    {
        await xml.WriteStartElementAsync(null, "Relationships", PackageRelationships);
        for (var index = 1; index <= sheetCount; index++)
        {
            await Relationship(xml, $"rId{index}", WorksheetType, $"worksheets/sheet{index}.xml");
        }

        await Relationship(xml, $"rId{sheetCount + 1}", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml");
        await xml.WriteEndElementAsync();
    }

    private static async Task Relationship(XmlWriter xml, string id, string type, string target)
    {
        await xml.WriteStartElementAsync(null, "Relationship", PackageRelationships);
        await Attribute(xml, "Id", id);
        await Attribute(xml, "Type", type);
        await Attribute(xml, "Target", target);
        await xml.WriteEndElementAsync();
    }

    private static async Task ContentTypes(XmlWriter xml, int sheetCount)
    {
        const string types = "http://schemas.openxmlformats.org/package/2006/content-types";
        await xml.WriteStartElementAsync(null, "Types", types);
        foreach (var (extension, contentType) in new[] { ("rels", "application/vnd.openxmlformats-package.relationships+xml"), ("xml", "application/xml") })
        {
            await xml.WriteStartElementAsync(null, "Default", types);
            await Attribute(xml, "Extension", extension);
            await Attribute(xml, "ContentType", contentType);
            await xml.WriteEndElementAsync();
        }

        var parts = new List<(string Part, string ContentType)>
        {
            ("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
            ("/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"),
        };
        parts.AddRange(Enumerable.Range(1, sheetCount).Select(index => ($"/xl/worksheets/sheet{index}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml")));
        foreach (var (part, contentType) in parts)
        {
            await xml.WriteStartElementAsync(null, "Override", types);
            await Attribute(xml, "PartName", part);
            await Attribute(xml, "ContentType", contentType);
            await xml.WriteEndElementAsync();
        }

        await xml.WriteEndElementAsync();
    }

    private static Task Attribute(XmlWriter xml, string name, string value) => xml.WriteAttributeStringAsync(null, name, null, value);

    private static async Task WritePart(ZipArchive zip, string path, Func<XmlWriter, Task> write, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Fastest);
        await using var stream = await entry.OpenAsync(cancellationToken);
        await using var xml = XmlWriter.Create(stream, Settings);
        await xml.WriteStartDocumentAsync(standalone: true);
        await write(xml);
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
    }

    private static async Task WriteText(ZipArchive zip, string path, string text, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Fastest);
        await using var stream = await entry.OpenAsync(cancellationToken);
        await stream.WriteAsync(Settings.Encoding.GetBytes(text), cancellationToken);
    }
}
