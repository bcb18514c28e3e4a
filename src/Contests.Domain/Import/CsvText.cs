using System.Text;

namespace Contests.Domain.Import;

/// <summary>
/// RFC 4180 CSV as spreadsheets save it: quoted fields may hold delimiters, quotes ("") and line breaks. The delimiter
/// is whichever of comma, semicolon and tab the first line uses most (Vietnamese-locale Excel saves with semicolons).
/// </summary>
public static class CsvText
{
    private static readonly char[] Delimiters = [',', ';', '\t'];

    public static List<IReadOnlyList<string>> Parse(string text, int maxRows = int.MaxValue)
    {
        var delimiter = DetectDelimiter(text);
        var rows = new List<IReadOnlyList<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var index = 0; index < text.Length && rows.Count < maxRows; index++)
        {
            var character = text[index];
            if (quoted)
            {
                if (character == '"' && index + 1 < text.Length && text[index + 1] == '"')
                {
                    field.Append('"');
                    index++;
                }
                else if (character == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(character);
                }
            }
            else if (character == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (character == delimiter)
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (character is '\r' or '\n')
            {
                if (character == '\r' && index + 1 < text.Length && text[index + 1] == '\n')
                {
                    index++;
                }

                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                field.Append(character);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Counts candidates in the first record outside quoted fields, where a delimiter means a delimiter.</summary>
    private static char DetectDelimiter(string text)
    {
        var counts = new int[Delimiters.Length];
        var quoted = false;
        foreach (var character in text)
        {
            if (character == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && character is '\r' or '\n')
            {
                break;
            }
            else if (!quoted && Array.IndexOf(Delimiters, character) is var index and >= 0)
            {
                counts[index]++;
            }
        }

        return Delimiters[Array.IndexOf(counts, counts.Max())];
    }
}
