using System.Text;

namespace Contests.Domain.Exports;

/// <summary>
/// Text as it goes into a spreadsheet cell or a CSV field: Unicode NFC (whatever form it was typed in), and never
/// something a spreadsheet would run. Text starting with = + - @, a tab or a carriage return is read as a formula by
/// Excel and LibreOffice (CSV injection), so it gets a leading apostrophe and stays visibly the text it was.
/// </summary>
public static class SpreadsheetText
{
    private static readonly System.Buffers.SearchValues<char> CsvSpecial = System.Buffers.SearchValues.Create(",;\t\"\r\n");

    public static string Cell(string text)
    {
        var normalised = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        return IsFormulaLike(normalised) ? "'" + normalised : normalised;
    }

    public static bool IsFormulaLike(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>One RFC 4180 field: quoted when it holds any delimiter a reader may detect (comma, semicolon, tab), a quote or a line break, inner quotes doubled.</summary>
    public static string CsvField(string text) =>
        text.AsSpan().ContainsAny(CsvSpecial) ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
