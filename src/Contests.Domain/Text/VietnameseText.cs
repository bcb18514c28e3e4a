using System.Globalization;
using System.Text;

namespace Contests.Domain.Text;

/// <summary>
/// Vietnamese text arrives in NFC and NFD depending on the keyboard tool, with stray spaces from spreadsheets.
/// Everything stored goes through <see cref="Clean"/>; everything compared goes through <see cref="Fold"/>.
/// </summary>
public static class VietnameseText
{
    private static readonly CompareInfo VietnameseCompareInfo = CultureInfo.GetCultureInfo("vi-VN").CompareInfo;

    /// <summary>Sorts the way a Vietnamese reader expects: "Đ" after "D", tones after the base letter.</summary>
    public static StringComparer Collation { get; } =
        StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), CompareOptions.IgnoreCase);

    public static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var normalised = text.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(normalised.Length);
        var pendingSpace = false;
        foreach (var character in normalised)
        {
            if (char.IsWhiteSpace(character) || char.IsControl(character))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(character);
        }

        return builder.ToString();
    }

    /// <summary>
    /// A comparison key that ignores case, tone marks and vowel diacritics, so "nguyen van an", "NGUYỄN VĂN AN"
    /// and an NFD-typed "Nguyễn Văn An" all meet. "đ" folds to "d", which Unicode decomposition alone misses.
    /// </summary>
    public static string Fold(string? text)
    {
        var decomposed = Clean(text).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var character in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(character) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(character switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(character),
            });
        }

        return builder.ToString();
    }

    public static bool SameName(string? left, string? right) =>
        string.Equals(Fold(left), Fold(right), StringComparison.Ordinal);

    public static int Compare(string? left, string? right) =>
        VietnameseCompareInfo.Compare(Clean(left), Clean(right), CompareOptions.IgnoreCase);
}
