using System.IO.Compression;
using System.Xml.Linq;

namespace Contests.Api.Tests.Exports;

/// <summary>One cell as written: its reference (A2), type attribute (inlineStr, b or none for numbers), style index and text.</summary>
public sealed record XlsxCell(string Reference, string? Type, int Style, string Value);

public sealed record XlsxSheet(string Name, XElement Worksheet, IReadOnlyList<IReadOnlyList<XlsxCell>> Rows)
{
    public IReadOnlyList<string> Header => [.. Rows[0].Select(cell => cell.Value)];
}

/// <summary>
/// Opens an XLSX with nothing but the zip and XML classes and checks what Excel would otherwise "repair": every part
/// is well-formed, the package's relationships resolve, worksheet elements come in the order ECMA-376 prescribes and
/// sheetData holds rows only.
/// </summary>
public sealed class XlsxPackage
{
    public static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XNamespace RelationshipIds = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XNamespace PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    /// <summary>CT_Worksheet's sequence (ECMA-376 Part 1, 18.3.1.99).</summary>
    private static readonly string[] WorksheetOrder =
    [
        "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges",
        "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting",
        "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks",
        "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "picture",
        "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
    ];

    private XlsxPackage(IReadOnlyDictionary<string, XDocument> parts, IReadOnlyList<XlsxSheet> sheets)
    {
        Parts = parts;
        Sheets = sheets;
    }

    public IReadOnlyDictionary<string, XDocument> Parts { get; }

    public IReadOnlyList<XlsxSheet> Sheets { get; }

    public XlsxSheet this[string name] => Sheets.Single(sheet => sheet.Name == name);

    /// <summary>The cellXfs entry of a style index, for checking fonts and number formats.</summary>
    public XElement CellFormat(int style) => Parts["xl/styles.xml"].Root!.Element(Main + "cellXfs")!.Elements(Main + "xf").ElementAt(style);

    public static XlsxPackage Open(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var parts = new Dictionary<string, XDocument>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            parts[entry.FullName] = XDocument.Load(stream); // throws on a part that is not well-formed
        }

        XNamespace types = "http://schemas.openxmlformats.org/package/2006/content-types";
        var overrides = parts["[Content_Types].xml"].Root!.Elements(types + "Override").Select(part => part.Attribute("PartName")!.Value.TrimStart('/')).ToList();
        Assert.All(overrides, part => Assert.True(parts.ContainsKey(part), $"[Content_Types].xml names {part}, which is missing"));
        var workbookPath = parts["_rels/.rels"].Root!.Elements(PackageRelationships + "Relationship").Single().Attribute("Target")!.Value;
        Assert.Equal("xl/workbook.xml", workbookPath);
        Assert.Contains("xl/styles.xml", overrides);
        var targets = parts["xl/_rels/workbook.xml.rels"].Root!.Elements(PackageRelationships + "Relationship")
            .ToDictionary(relationship => relationship.Attribute("Id")!.Value, relationship => "xl/" + relationship.Attribute("Target")!.Value);
        var sheets = parts["xl/workbook.xml"].Root!.Element(Main + "sheets")!.Elements(Main + "sheet")
            .Select(sheet => Sheet(sheet.Attribute("name")!.Value, parts[targets[sheet.Attribute(RelationshipIds + "id")!.Value]].Root!))
            .ToList();
        Assert.All(sheets, sheet => Assert.Contains(parts.Keys.Single(key => parts[key].Root == sheet.Worksheet), overrides));
        return new XlsxPackage(parts, sheets);
    }

    private static XlsxSheet Sheet(string name, XElement worksheet)
    {
        var order = worksheet.Elements().Select(element =>
        {
            Assert.Equal(Main, element.Name.Namespace);
            var position = Array.IndexOf(WorksheetOrder, element.Name.LocalName);
            Assert.True(position >= 0, $"{element.Name.LocalName} is not a worksheet element");
            return position;
        }).ToList();
        Assert.Equal(order.Order(), order);
        Assert.Equal(order.Distinct(), order);
        var sheetData = worksheet.Element(Main + "sheetData")!;
        Assert.All(sheetData.Elements(), row => Assert.Equal(Main + "row", row.Name));
        Assert.All(sheetData.Elements().Elements(), cell => Assert.Equal(Main + "c", cell.Name));
        var rows = sheetData.Elements().Select(row => (IReadOnlyList<XlsxCell>)[.. row.Elements().Select(cell => new XlsxCell(
            cell.Attribute("r")!.Value,
            cell.Attribute("t")?.Value,
            (int?)cell.Attribute("s") ?? 0,
            cell.Attribute("t")?.Value == "inlineStr" ? string.Concat(cell.Element(Main + "is")!.Elements(Main + "t").Select(text => text.Value)) : cell.Element(Main + "v")!.Value))]).ToList();
        return new XlsxSheet(name, worksheet, rows);
    }
}
