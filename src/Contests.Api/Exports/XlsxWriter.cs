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
/// shown in Vietnam's dd/mm/yyyy. Rows go out in chunks of a few kilobytes as they are read (see <see cref="Part"/>), so
/// memory stays flat whatever the number of rows.
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

    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), CloseOutput = false };

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
        // A workbook needs at least one sheet (e.g. registrations of a contest without divisions).
        var sheets = table.Sheets.Count > 0 ? table.Sheets : [new ExportSheet("Sheet", [], AsyncEnumerable.Empty<object?[]>())];
        var names = SheetNames(sheets.Select(sheet => sheet.Name));
        var lastRows = new List<int>(sheets.Count);
        for (var index = 0; index < sheets.Count; index++)
        {
            lastRows.Add(await WriteWorksheet(zip, $"xl/worksheets/sheet{index + 1}.xml", sheets[index].Columns, sheets[index].Rows, cancellationToken));
        }

        // The workbook is written last: its filter ranges need each sheet's last row.
        await WritePart(zip, "xl/workbook.xml", xml => Workbook(xml, names, [.. sheets.Select(sheet => sheet.Columns.Count)], lastRows), cancellationToken);
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
        await using var part = await Part.OpenAsync(zip, path, cancellationToken);
        var xml = part.Xml;
        xml.WriteStartElement(null, "worksheet", Main);
        xml.WriteStartElement(null, "sheetViews", Main);
        xml.WriteStartElement(null, "sheetView", Main);
        Attribute(xml, "workbookViewId", "0");
        xml.WriteStartElement(null, "pane", Main);
        Attribute(xml, "ySplit", "1");
        Attribute(xml, "topLeftCell", "A2");
        Attribute(xml, "activePane", "bottomLeft");
        Attribute(xml, "state", "frozen");
        xml.WriteEndElement();
        xml.WriteStartElement(null, "selection", Main);
        Attribute(xml, "pane", "bottomLeft");
        Attribute(xml, "activeCell", "A2");
        Attribute(xml, "sqref", "A2");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement(null, "sheetFormatPr", Main);
        Attribute(xml, "defaultRowHeight", "15");
        xml.WriteEndElement();
        if (columns.Count > 0)
        {
            xml.WriteStartElement(null, "cols", Main);
            for (var index = 0; index < columns.Count; index++)
            {
                var number = (index + 1).ToString(CultureInfo.InvariantCulture);
                xml.WriteStartElement(null, "col", Main);
                Attribute(xml, "min", number);
                Attribute(xml, "max", number);
                Attribute(xml, "width", columns[index].Width.ToString(CultureInfo.InvariantCulture));
                Attribute(xml, "customWidth", "1");
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteStartElement(null, "sheetData", Main);
        WriteRow(xml, lastRow, letters, columns.Select(column => (CellKind.Text, XmlText(column.Header), HeaderStyle)));
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            lastRow++;
            WriteRow(xml, lastRow, letters, row.Select((value, index) => Cell(value, columns[index].Format)));
            await part.SendWhenFullAsync(cancellationToken);
        }

        xml.WriteEndElement();
        if (columns.Count > 0)
        {
            xml.WriteStartElement(null, "autoFilter", Main);
            Attribute(xml, "ref", $"A1:{letters[^1]}{lastRow}");
            xml.WriteEndElement();
        }

        xml.WriteEndElement();

        await part.CloseAsync(cancellationToken);
        return lastRow;
    }

    private static void WriteRow(XmlWriter xml, int number, string[] letters, IEnumerable<(CellKind Kind, string Text, int Style)> cells)
    {
        var rowNumber = number.ToString(CultureInfo.InvariantCulture);
        xml.WriteStartElement(null, "row", Main);
        Attribute(xml, "r", rowNumber);
        var index = 0;
        foreach (var (kind, text, style) in cells)
        {
            var letter = letters[index++];
            if (kind == CellKind.Empty)
            {
                continue;
            }

            xml.WriteStartElement(null, "c", Main);
            Attribute(xml, "r", letter + rowNumber);
            if (style != 0)
            {
                Attribute(xml, "s", style.ToString(CultureInfo.InvariantCulture));
            }

            switch (kind)
            {
                case CellKind.Text:
                    Attribute(xml, "t", "inlineStr");
                    xml.WriteStartElement(null, "is", Main);
                    xml.WriteStartElement(null, "t", Main);
                    if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
                    {
                        xml.WriteAttributeString("xml", "space", null, "preserve");
                    }

                    xml.WriteString(text);
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                    break;
                case CellKind.Boolean:
                    Attribute(xml, "t", "b");
                    xml.WriteElementString(null, "v", Main, text);
                    break;
                default:
                    xml.WriteElementString(null, "v", Main, text);
                    break;
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
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

    private static void Workbook(XmlWriter xml, IReadOnlyList<string> names, List<int> columnCounts, List<int> lastRows)
    {
        xml.WriteStartElement(null, "workbook", Main);
        xml.WriteAttributeString("xmlns", "r", null, Relationships);
        xml.WriteStartElement(null, "bookViews", Main);
        xml.WriteStartElement(null, "workbookView", Main);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement(null, "sheets", Main);
        for (var index = 0; index < names.Count; index++)
        {
            xml.WriteStartElement(null, "sheet", Main);
            Attribute(xml, "name", names[index]);
            Attribute(xml, "sheetId", (index + 1).ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("r", "id", Relationships, $"rId{index + 1}");
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        if (columnCounts.Any(count => count > 0))
        {
            // Excel keeps each sheet's filter range as this hidden name; without it, it rebuilds the name on opening.
            xml.WriteStartElement(null, "definedNames", Main);
            foreach (var index in Enumerable.Range(0, names.Count).Where(index => columnCounts[index] > 0))
            {
                xml.WriteStartElement(null, "definedName", Main);
                Attribute(xml, "name", "_xlnm._FilterDatabase");
                Attribute(xml, "localSheetId", index.ToString(CultureInfo.InvariantCulture));
                Attribute(xml, "hidden", "1");
                xml.WriteString($"'{names[index].Replace("'", "''", StringComparison.Ordinal)}'!$A$1:${ColumnName(columnCounts[index] - 1)}${lastRows[index]}");
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WorkbookRelationships(XmlWriter xml, int sheetCount)
    {
        xml.WriteStartElement(null, "Relationships", PackageRelationships);
        for (var index = 1; index <= sheetCount; index++)
        {
            Relationship(xml, $"rId{index}", WorksheetType, $"worksheets/sheet{index}.xml");
        }

        Relationship(xml, $"rId{sheetCount + 1}", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml");
        xml.WriteEndElement();
    }

    private static void Relationship(XmlWriter xml, string id, string type, string target)
    {
        xml.WriteStartElement(null, "Relationship", PackageRelationships);
        Attribute(xml, "Id", id);
        Attribute(xml, "Type", type);
        Attribute(xml, "Target", target);
        xml.WriteEndElement();
    }

    private static void ContentTypes(XmlWriter xml, int sheetCount)
    {
        const string types = "http://schemas.openxmlformats.org/package/2006/content-types";
        xml.WriteStartElement(null, "Types", types);
        foreach (var (extension, contentType) in new[] { ("rels", "application/vnd.openxmlformats-package.relationships+xml"), ("xml", "application/xml") })
        {
            xml.WriteStartElement(null, "Default", types);
            Attribute(xml, "Extension", extension);
            Attribute(xml, "ContentType", contentType);
            xml.WriteEndElement();
        }

        var parts = new List<(string Part, string ContentType)>
        {
            ("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
            ("/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"),
        };
        parts.AddRange(Enumerable.Range(1, sheetCount).Select(index => ($"/xl/worksheets/sheet{index}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml")));
        foreach (var (part, contentType) in parts)
        {
            xml.WriteStartElement(null, "Override", types);
            Attribute(xml, "PartName", part);
            Attribute(xml, "ContentType", contentType);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void Attribute(XmlWriter xml, string name, string value) => xml.WriteAttributeString(null, name, null, value);

    private static async Task WritePart(ZipArchive zip, string path, Action<XmlWriter> write, CancellationToken cancellationToken)
    {
        await using var part = await Part.OpenAsync(zip, path, cancellationToken);
        write(part.Xml);
        await part.CloseAsync(cancellationToken);
    }

    private static async Task WriteText(ZipArchive zip, string path, string text, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Fastest);
        await using var stream = await entry.OpenAsync(cancellationToken);
        await stream.WriteAsync(Settings.Encoding.GetBytes(text), cancellationToken);
    }

    /// <summary>
    /// One XML part being written: the XML writer writes synchronously (one cheap call per element) into a small
    /// buffer, and the buffer goes to the zip entry, and so to the response, asynchronously whenever it fills.
    /// </summary>
    private sealed class Part : IAsyncDisposable
    {
        private const int ChunkSize = 32 * 1024;
        private readonly MemoryStream buffer = new();
        private readonly Stream entry;

        private Part(Stream entry)
        {
            this.entry = entry;
            Xml = XmlWriter.Create(buffer, Settings);
            Xml.WriteStartDocument(standalone: true);
        }

        public XmlWriter Xml { get; }

        public static async Task<Part> OpenAsync(ZipArchive zip, string path, CancellationToken cancellationToken) =>
            new(await zip.CreateEntry(path, CompressionLevel.Fastest).OpenAsync(cancellationToken));

        public async ValueTask SendWhenFullAsync(CancellationToken cancellationToken)
        {
            Xml.Flush();
            if (buffer.Length >= ChunkSize)
            {
                await Send(cancellationToken);
            }
        }

        public async Task CloseAsync(CancellationToken cancellationToken)
        {
            Xml.WriteEndDocument();
            Xml.Flush();
            await Send(cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            Xml.Dispose();
            await entry.DisposeAsync();
            await buffer.DisposeAsync();
        }

        private async Task Send(CancellationToken cancellationToken)
        {
            await entry.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
            buffer.SetLength(0);
        }
    }
}
