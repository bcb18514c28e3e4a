using System.Text;
using Contests.Domain.Exports;
using Contests.Domain.Import;
using FsCheck.Xunit;

namespace Contests.Domain.Tests.Exports;

public sealed class SpreadsheetTextTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"bấm\")", "'=HYPERLINK(\"http://x\",\"bấm\")")]
    [InlineData("+84912345678", "'+84912345678")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("Nguyễn Văn An", "Nguyễn Văn An")]
    [InlineData("0912345678", "0912345678")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void text_a_spreadsheet_would_run_is_neutralised(string text, string cell) =>
        Assert.Equal(cell, SpreadsheetText.Cell(text));

    [Fact]
    public void text_typed_in_nfd_comes_out_in_nfc()
    {
        var typed = "Nguyễn Thị Hồng Đào".Normalize(NormalizationForm.FormD);

        Assert.Equal("Nguyễn Thị Hồng Đào".Normalize(NormalizationForm.FormC), SpreadsheetText.Cell(typed));
    }

    [Property]
    public bool any_fields_read_back_from_a_csv_line_as_written(string[] fields)
    {
        var clean = (fields ?? []).Select(field => (field ?? string.Empty).Replace("\r", string.Empty, StringComparison.Ordinal)).ToArray();
        if (clean.Length == 0 || (clean.Length == 1 && clean[0].Length == 0))
        {
            return true;
        }

        var line = string.Join(',', clean.Select(SpreadsheetText.CsvField)) + "\r\n";
        return CsvText.Parse(line).Single().SequenceEqual(clean);
    }
}
