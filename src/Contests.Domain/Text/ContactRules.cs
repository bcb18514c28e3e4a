using System.Text.RegularExpressions;

namespace Contests.Domain.Text;

public static partial class ContactRules
{
    /// <summary>Vietnamese phone numbers are 10 digits with a leading 0; people type them with spaces, dots and dashes.</summary>
    public static string NormalisePhone(string? phone) =>
        string.IsNullOrWhiteSpace(phone) ? string.Empty : SeparatorPattern().Replace(phone.Trim(), string.Empty);

    public static bool IsValidPhone(string? phone) => PhonePattern().IsMatch(NormalisePhone(phone));

    public static bool IsValidEmail(string? email) =>
        !string.IsNullOrWhiteSpace(email) && email.Length <= 254 && EmailPattern().IsMatch(email.Trim());

    [GeneratedRegex(@"^0\d{9}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"[\s.\-()]")]
    private static partial Regex SeparatorPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
