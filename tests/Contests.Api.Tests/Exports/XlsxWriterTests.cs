using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Contests.Api.Exports;
using Contests.Domain;

namespace Contests.Api.Tests.Exports;

/// <summary>The XLSX writer on its own: what it writes, read back with nothing but ZipArchive and XDocument.</summary>
public sealed class XlsxWriterTests
{
    private static readonly IReadOnlyList<ExportHeader> Columns =
    [
        new("name", "Tên đội", 30, CellFormat.General),
        new("members", "Số thành viên", 10, CellFormat.General),
        new("score", "Điểm", 8, CellFormat.General),
        new("nominated", "Đề cử", 8, CellFormat.General),
        new("registeredAt", "Thời điểm đăng ký", 18, CellFormat.DateTime),
        new("born", "Ngày sinh", 12, CellFormat.Date),
        new("note", "Ghi chú", 20, CellFormat.General),
    ];

    private static async Task<XlsxPackage> Write(params ExportSheet[] sheets)
    {
        using var output = new MemoryStream();
        await XlsxWriter.WriteAsync(new ExportTable("thu", sheets), output, CancellationToken.None);
        return XlsxPackage.Open(output.ToArray());
    }

    private static ExportSheet Sheet(string name, params object?[][] rows) => new(name, Columns, rows.ToAsyncEnumerable());

    [Fact]
    public async Task cells_keep_their_types_and_vietnamese_text_round_trips()
    {
        var registered = new DateTimeOffset(2026, 3, 14, 2, 30, 0, TimeSpan.Zero);
        var nfd = "Đội Nguyễn Hồng Đào – Bắc Giang".Normalize(NormalizationForm.FormD);

        var package = await Write(Sheet("Bảng A", [nfd, 3, 9.75m, true, registered, new DateOnly(2012, 5, 1), null]));

        var row = package["Bảng A"].Rows[1];
        Assert.Equal(
            [
                new XlsxCell("A2", "inlineStr", 0, "Đội Nguyễn Hồng Đào – Bắc Giang".Normalize(NormalizationForm.FormC)),
                new XlsxCell("B2", null, 0, "3"),
                new XlsxCell("C2", null, 0, "9.75"),
                new XlsxCell("D2", "b", 0, "1"),
                new XlsxCell("E2", null, 3, VietnamTime.ToLocal(registered).ToOADate().ToString("R", CultureInfo.InvariantCulture)),
                new XlsxCell("F2", null, 2, new DateTime(2012, 5, 1).ToOADate().ToString(CultureInfo.InvariantCulture)),
            ],
            row);
        Assert.Equal(9.5 / 24, double.Parse(row[4].Value, CultureInfo.InvariantCulture) % 1, 6); // 02:30 UTC is 09:30 in Vietnam
        Assert.Equal("dd/mm/yyyy hh:mm", NumberFormat(package, 3));
        Assert.Equal("dd/mm/yyyy", NumberFormat(package, 2));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x.example\",\"Bấm\")")]
    [InlineData("+84 912 345 678")]
    [InlineData("-1+2")]
    [InlineData("@SUM(A1)")]
    public async Task text_a_spreadsheet_would_run_as_a_formula_is_neutralised(string text)
    {
        var package = await Write(Sheet("Bảng A", [text, null, null, null, null, null, text]));

        var row = package["Bảng A"].Rows[1];
        Assert.Equal(["'" + text, "'" + text], row.Select(cell => cell.Value));
        Assert.All(row, cell => Assert.Equal("inlineStr", cell.Type));
        Assert.Empty(package["Bảng A"].Worksheet.Descendants(XlsxPackage.Main + "f"));
    }

    [Fact]
    public async Task the_header_row_is_bold_frozen_filtered_and_columns_have_widths()
    {
        var package = await Write(Sheet("Bảng A", ["Đội 1", 1, 1, false, null, null, null], ["Đội 2", 2, 2, false, null, null, null]));

        var sheet = package["Bảng A"];
        Assert.Equal(Columns.Select(column => column.Header), sheet.Header);
        Assert.All(sheet.Rows[0], cell => Assert.Equal(1, cell.Style));
        var font = package.Parts["xl/styles.xml"].Root!.Element(XlsxPackage.Main + "fonts")!.Elements().ElementAt((int)package.CellFormat(1).Attribute("fontId")!);
        Assert.NotNull(font.Element(XlsxPackage.Main + "b"));
        var pane = sheet.Worksheet.Descendants(XlsxPackage.Main + "pane").Single();
        Assert.Equal(("1", "A2", "frozen"), ((string)pane.Attribute("ySplit")!, (string)pane.Attribute("topLeftCell")!, (string)pane.Attribute("state")!));
        Assert.Equal(Columns.Select(column => column.Width), sheet.Worksheet.Descendants(XlsxPackage.Main + "col").Select(col => (double)col.Attribute("width")!));
        Assert.Equal("A1:G3", (string)sheet.Worksheet.Element(XlsxPackage.Main + "autoFilter")!.Attribute("ref")!);
        Assert.Equal(
            "'Bảng A'!$A$1:$G$3",
            package.Parts["xl/workbook.xml"].Root!.Descendants(XlsxPackage.Main + "definedName").Single(name => (string)name.Attribute("name")! == "_xlnm._FilterDatabase").Value);
    }

    [Fact]
    public async Task a_sheet_without_rows_still_has_its_header()
    {
        var package = await Write(Sheet("Trống"));

        Assert.Equal(Columns.Select(column => column.Header), Assert.Single(package["Trống"].Rows).Select(cell => cell.Value));
        Assert.Equal("A1:G1", (string)package["Trống"].Worksheet.Element(XlsxPackage.Main + "autoFilter")!.Attribute("ref")!);
    }

    [Fact]
    public async Task sheets_of_different_shapes_each_have_their_own_header_widths_and_filter()
    {
        IReadOnlyList<ExportHeader> standings = [new("group", "Bảng", 7, CellFormat.General), new("points", "Điểm xếp hạng", 10, CellFormat.General)];

        var package = await Write(Sheet("Trận đấu", ["Đội 1", 1, 1, false, null, null, null]), new ExportSheet("Bảng xếp hạng", standings, new object?[][] { ["A", 3] }.ToAsyncEnumerable()));

        Assert.Equal(["Bảng", "Điểm xếp hạng"], package["Bảng xếp hạng"].Header);
        Assert.Equal([new XlsxCell("A2", "inlineStr", 0, "A"), new XlsxCell("B2", null, 0, "3")], package["Bảng xếp hạng"].Rows[1]);
        Assert.Equal([7d, 10d], package["Bảng xếp hạng"].Worksheet.Descendants(XlsxPackage.Main + "col").Select(col => (double)col.Attribute("width")!));
        Assert.Equal(["'Trận đấu'!$A$1:$G$2", "'Bảng xếp hạng'!$A$1:$B$2"], package.Parts["xl/workbook.xml"].Root!.Descendants(XlsxPackage.Main + "definedName").Select(name => name.Value));
    }

    [Fact]
    public async Task a_table_without_sheets_still_makes_a_workbook_with_one()
    {
        var package = await Write();

        Assert.Equal("Sheet", Assert.Single(package.Sheets).Name);
    }

    [Fact]
    public async Task sheet_names_follow_excels_rules()
    {
        var package = await Write(
            Sheet("THCS - Trung học cơ sở [vòng 1/2]: *bảng? \\A\\ kéo dài quá ba mươi mốt ký tự"),
            Sheet("THCS - Trung học cơ sở [vòng 1/2]: *bảng? \\A\\ kéo dài quá ba mươi mốt ký tự"),
            Sheet("'Nhật ký'"),
            Sheet("[]"));

        var names = package.Sheets.Select(sheet => sheet.Name).ToList();
        Assert.All(names, name => Assert.True(name.Length <= 31 && name.IndexOfAny(['[', ']', ':', '*', '?', '/', '\\']) < 0, name));
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(["THCS - Trung học cơ sở -vòng", "THCS - Trung học cơ sở -vòng 2"], names.Take(2));
        Assert.Equal("Nhật ký", names[2]);
        Assert.Equal("--", names[3]);
    }

    [Fact]
    public async Task characters_xml_cannot_carry_are_removed_and_others_kept()
    {
        var package = await Write(Sheet("Bảng\u0001 A", ["Đội\u0000 \u0007Sao\uFFFE Mai \uD83E\uDD16", null, null, null, null, null, "\u0001=lẻ \uD800 loi"]));

        Assert.Equal("Bảng A", package.Sheets.Single().Name);
        Assert.Equal(["Đội Sao Mai \uD83E\uDD16", "'=lẻ  loi"], package.Sheets.Single().Rows[1].Select(cell => cell.Value));
    }

    [Fact]
    public async Task ten_thousand_rows_stream_to_the_response_as_they_are_read()
    {
        const int Count = 10_000;
        var response = new RecordingStream();
        await using var body = new ResponseBody(response);
        long sentBeforeLastRow = 0;

        async IAsyncEnumerable<object?[]> Rows([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            for (var index = 1; index <= Count; index++)
            {
                if (index == Count)
                {
                    sentBeforeLastRow = response.Length;
                }

                await Task.Yield();
                yield return [$"Đội Xuất {index:D5}", index, index / 4m, index % 2 == 0, DateTimeOffset.UnixEpoch.AddHours(index), new DateOnly(2010, 1, 1).AddDays(index % 900), "=1+1"];
            }
        }

        await XlsxWriter.WriteAsync(new ExportTable("thu", [new ExportSheet("Bảng A", Columns, Rows())]), body, CancellationToken.None);
        await body.FlushAsync();

        // Most of the file had left before the last row was read, and nothing big was ever held back for one write.
        Assert.True(sentBeforeLastRow > response.Length / 2, $"{sentBeforeLastRow} of {response.Length} bytes were sent before the last row");
        Assert.True(response.LargestWrite < 128 * 1024, $"one write of {response.LargestWrite} bytes");
        var sheet = XlsxPackage.Open(response.ToArray()).Sheets.Single();
        Assert.Equal(Count + 1, sheet.Rows.Count);
        Assert.Equal(["Đội Xuất 10000", "10000", "2500", "1"], sheet.Rows[^1].Take(4).Select(cell => cell.Value));
        Assert.Equal("A1:G10001", (string)sheet.Worksheet.Element(XlsxPackage.Main + "autoFilter")!.Attribute("ref")!);
    }

    private static string NumberFormat(XlsxPackage package, int style)
    {
        var id = (string)package.CellFormat(style).Attribute("numFmtId")!;
        return (string)package.Parts["xl/styles.xml"].Root!.Descendants(XlsxPackage.Main + "numFmt").Single(format => (string)format.Attribute("numFmtId")! == id).Attribute("formatCode")!;
    }

    /// <summary>A response body that only accepts asynchronous writes, as Kestrel's does, and remembers the largest.</summary>
    private sealed class RecordingStream : Stream
    {
        private readonly MemoryStream received = new();

        public int LargestWrite { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => received.Length;

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public byte[] ToArray() => received.ToArray();

        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous writes are not allowed.");

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            LargestWrite = Math.Max(LargestWrite, buffer.Length);
            received.Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                received.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
