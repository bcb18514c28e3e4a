using Contests.Domain.Registration;

namespace Contests.Domain;

/// <summary>The field-level checks every form shares, so a "required" or "too long" reads the same everywhere.</summary>
public static class FieldChecks
{
    public const int MaxTextLength = 200;

    public static void RequireText(List<RuleViolation> violations, string field, string? value, int maxLength = MaxTextLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            violations.Add(new RuleViolation(field, RegistrationRule.Required));
        }
        else if (value.Length > maxLength)
        {
            violations.Add(new RuleViolation(field, RegistrationRule.TooLong, maxLength));
        }
    }

    /// <summary>A window an organiser types (registration, a round's submissions): both ends given, the close after the opening.</summary>
    public static void RequireWindow(List<RuleViolation> violations, DateTime? opensAt, DateTime? closesAt)
    {
        if (opensAt is null)
        {
            violations.Add(new RuleViolation("opensAt", RegistrationRule.Required));
        }

        if (closesAt is null)
        {
            violations.Add(new RuleViolation("closesAt", RegistrationRule.Required));
        }
        else if (opensAt is { } opens && closesAt <= opens)
        {
            violations.Add(new RuleViolation("closesAt", "closes-before-opening"));
        }
    }
}
