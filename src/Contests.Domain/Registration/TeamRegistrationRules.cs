using Contests.Domain.Text;


namespace Contests.Domain.Registration;

public static class RegistrationRule
{
    public const string Required = "required";
    public const string TooLong = "too-long";
    public const string PhoneFormat = "phone-format";
    public const string EmailFormat = "email-format";
    public const string UnknownDistrict = "unknown-district";
    public const string UnknownDivision = "unknown-division";
    public const string TooFewMembers = "too-few-members";
    public const string TooManyMembers = "too-many-members";
    public const string TooFewMentors = "too-few-mentors";
    public const string TooManyMentors = "too-many-mentors";
    public const string BirthDateOrGradeRequired = "birth-date-or-grade-required";
    public const string GradeOutOfRange = "grade-out-of-range";
    public const string BirthDateOutOfRange = "birth-date-out-of-range";
    public const string PersonListedTwice = "person-listed-twice";
    public const string TeamNameTaken = "team-name-taken";
    public const string GradeNotInDivision = "grade-not-in-division";
    public const string MemberInAnotherTeam = "member-in-another-team";
    public const string NotOpenYet = "registration-not-open";
    public const string Closed = "registration-closed";
}

public static class TeamRegistrationRules
{
    private const int YoungestMemberAge = 5;
    private const int OldestMemberAge = 30;

    /// <summary>Stores names the way they will be compared and printed: NFC, single spaces, phones as bare digits.</summary>
    public static TeamForm Normalise(TeamForm form) => form with
    {
        Name = VietnameseText.Clean(form.Name),
        School = VietnameseText.Clean(form.School),
        District = VietnameseText.Clean(form.District),
        DivisionCode = VietnameseText.Clean(form.DivisionCode),
        ContactPhone = ContactRules.NormalisePhone(form.ContactPhone),
        ContactEmail = VietnameseText.Clean(form.ContactEmail),
        Members = (form.Members ?? []).Select(member => member with
        {
            FullName = VietnameseText.Clean(member.FullName),
            Phone = string.IsNullOrWhiteSpace(member.Phone) ? null : ContactRules.NormalisePhone(member.Phone),
        }).ToList(),
        Mentors = (form.Mentors ?? []).Select(mentor => mentor with
        {
            FullName = VietnameseText.Clean(mentor.FullName),
            Phone = ContactRules.NormalisePhone(mentor.Phone),
            Email = VietnameseText.Clean(mentor.Email),
        }).ToList(),
    };

    /// <summary>Checks a normalised form; an empty list means the team may be registered.</summary>
    public static IReadOnlyList<RuleViolation> Check(TeamForm form, RegistrationContext context)
    {
        var violations = new List<RuleViolation>();
        FieldChecks.RequireText(violations, "name", form.Name);
        FieldChecks.RequireText(violations, "school", form.School);
        FieldChecks.RequireText(violations, "district", form.District);
        FieldChecks.RequireText(violations, "divisionCode", form.DivisionCode);
        RequirePhone(violations, "contactPhone", form.ContactPhone);
        RequireEmail(violations, "contactEmail", form.ContactEmail);

        if (!string.IsNullOrEmpty(form.District) &&
            !context.Districts.Any(district => VietnameseText.SameName(district, form.District)))
        {
            violations.Add(new RuleViolation("district", RegistrationRule.UnknownDistrict));
        }

        if (!string.IsNullOrEmpty(form.DivisionCode) &&
            !context.DivisionCodes.Contains(form.DivisionCode, StringComparer.OrdinalIgnoreCase))
        {
            violations.Add(new RuleViolation("divisionCode", RegistrationRule.UnknownDivision));
        }

        CheckMembers(violations, form.Members ?? [], form.DivisionCode, context);
        CheckMentors(violations, form.Mentors ?? [], context.Rules.TeamSize);
        return violations;
    }

    private static void CheckMembers(List<RuleViolation> violations, IReadOnlyList<MemberForm> members, string? divisionCode, RegistrationContext context)
    {
        var limits = context.Rules.TeamSize;
        if (members.Count < limits.MinMembers)
        {
            violations.Add(new RuleViolation("members", RegistrationRule.TooFewMembers, limits.MinMembers));
        }

        if (members.Count > limits.MaxMembers)
        {
            violations.Add(new RuleViolation("members", RegistrationRule.TooManyMembers, limits.MaxMembers));
        }

        var grades = context.Rules.GradesFor(divisionCode);

        var earliestBirth = context.Today.AddYears(-OldestMemberAge);
        var latestBirth = context.Today.AddYears(-YoungestMemberAge);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < members.Count; index++)
        {
            var member = members[index];
            var path = $"members[{index}]";
            FieldChecks.RequireText(violations, $"{path}.fullName", member.FullName);
            if (member.DateOfBirth is null && member.Grade is null)
            {
                violations.Add(new RuleViolation($"{path}.dateOfBirth", RegistrationRule.BirthDateOrGradeRequired));
            }

            violations.AddRange(MissingRequiredFields(member, path, context.Rules));

            if (member.Grade is < 1 or > 12)
            {
                violations.Add(new RuleViolation($"{path}.grade", RegistrationRule.GradeOutOfRange));
            }
            else if (member.Grade is { } grade && grades is not null && !grades.Contains(grade))
            {
                violations.Add(new RuleViolation($"{path}.grade", RegistrationRule.GradeNotInDivision));
            }

            if (member.DateOfBirth is { } birth && (birth < earliestBirth || birth > latestBirth))
            {
                violations.Add(new RuleViolation($"{path}.dateOfBirth", RegistrationRule.BirthDateOutOfRange));
            }

            if (!string.IsNullOrEmpty(member.Phone) && !ContactRules.IsValidPhone(member.Phone))
            {
                violations.Add(new RuleViolation($"{path}.phone", RegistrationRule.PhoneFormat));
            }

            if (!string.IsNullOrEmpty(member.FullName) && !seen.Add(PersonKey(member.FullName, member.DateOfBirth)))
            {
                violations.Add(new RuleViolation($"{path}.fullName", RegistrationRule.PersonListedTwice));
            }
            else if (!context.Rules.MemberMayJoinSeveralTeams && member.DateOfBirth is not null &&
                     context.MembersInOtherTeams.Contains(PersonKey(member.FullName, member.DateOfBirth)))
            {
                violations.Add(new RuleViolation($"{path}.fullName", RegistrationRule.MemberInAnotherTeam));
            }
        }
    }

    private static void CheckMentors(List<RuleViolation> violations, IReadOnlyList<MentorForm> mentors, TeamSizeLimits limits)
    {
        if (mentors.Count < limits.MinMentors)
        {
            violations.Add(new RuleViolation("mentors", RegistrationRule.TooFewMentors, limits.MinMentors));
        }

        if (mentors.Count > limits.MaxMentors)
        {
            violations.Add(new RuleViolation("mentors", RegistrationRule.TooManyMentors, limits.MaxMentors));
        }

        for (var index = 0; index < mentors.Count; index++)
        {
            var mentor = mentors[index];
            var path = $"mentors[{index}]";
            FieldChecks.RequireText(violations, $"{path}.fullName", mentor.FullName);
            RequirePhone(violations, $"{path}.phone", mentor.Phone);
            RequireEmail(violations, $"{path}.email", mentor.Email);
        }
    }

    private static IEnumerable<RuleViolation> MissingRequiredFields(MemberForm member, string path, EligibilityRules rules)
    {
        // A missing birth date or grade is reported once, by the "birth date or grade" rule, when both are missing.
        if (rules.Requires(MemberField.DateOfBirth) && member.DateOfBirth is null && member.Grade is not null)
        {
            yield return new RuleViolation($"{path}.dateOfBirth", RegistrationRule.Required);
        }

        if (rules.Requires(MemberField.Grade) && member.Grade is null && member.DateOfBirth is not null)
        {
            yield return new RuleViolation($"{path}.grade", RegistrationRule.Required);
        }

        if (rules.Requires(MemberField.Gender) && member.Gender is null)
        {
            yield return new RuleViolation($"{path}.gender", RegistrationRule.Required);
        }

        if (rules.Requires(MemberField.Phone) && string.IsNullOrEmpty(member.Phone))
        {
            yield return new RuleViolation($"{path}.phone", RegistrationRule.Required);
        }
    }

    /// <summary>
    /// Identifies a person across teams: the folded name plus the date of birth. Members without a birth date are
    /// not compared across teams, since namesakes are common and a name alone would flag strangers.
    /// </summary>
    public static string? CrossTeamKey(string? fullName, DateOnly? dateOfBirth) =>
        dateOfBirth is null ? null : PersonKey(fullName, dateOfBirth);

    public static string PersonKey(string? fullName, DateOnly? dateOfBirth) =>
        $"{VietnameseText.Fold(fullName)}|{dateOfBirth?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}";

    private static void RequirePhone(List<RuleViolation> violations, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            violations.Add(new RuleViolation(field, RegistrationRule.Required));
        }
        else if (!ContactRules.IsValidPhone(value))
        {
            violations.Add(new RuleViolation(field, RegistrationRule.PhoneFormat));
        }
    }

    private static void RequireEmail(List<RuleViolation> violations, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            violations.Add(new RuleViolation(field, RegistrationRule.Required));
        }
        else if (!ContactRules.IsValidEmail(value))
        {
            violations.Add(new RuleViolation(field, RegistrationRule.EmailFormat));
        }
    }
}
