using System.Text;
using Contests.Domain;
using Contests.Domain.Registration;

namespace Contests.Domain.Tests.Registration;

public sealed class TeamRegistrationRulesTests
{
    private static readonly RegistrationContext Context = new(
        ["TP Bắc Giang", "Việt Yên", "Hiệp Hòa"], ["THCS", "THPT"], EligibilityRules.Default, new DateOnly(2024, 5, 10), new HashSet<string>());

    private static readonly TeamForm ValidForm = new(
        "Robo Sao Mai",
        "Trường THCS Nguyễn Khắc Nhu",
        "Việt Yên",
        "THCS",
        "0912345678",
        "lien.he@thcs.edu.vn",
        [new MemberForm("Nguyễn Văn An", new DateOnly(2011, 3, 14), 8, Gender.Male, null)],
        [new MentorForm("Lê Thu Hà", "0977123456", "ha.le@thcs.edu.vn")]);

    private static IReadOnlyList<RuleViolation> Check(TeamForm form, RegistrationContext? context = null) =>
        TeamRegistrationRules.Check(TeamRegistrationRules.Normalise(form), context ?? Context);

    [Fact]
    public void a_grade_outside_the_divisions_range_is_refused()
    {
        var rules = EligibilityRules.Default with { GradesByDivision = new Dictionary<string, GradeRange> { ["THCS"] = new(6, 9) } };
        var violations = Check(ValidForm with { Members = [ValidForm.Members![0] with { Grade = 10 }] }, Context with { Rules = rules });
        Assert.Equal([new RuleViolation("members[0].grade", RegistrationRule.GradeNotInDivision)], violations);
    }

    [Fact]
    public void a_member_already_in_another_team_is_refused_unless_the_contest_allows_it()
    {
        var member = ValidForm.Members![0];
        var elsewhere = Context with
        {
            MembersInOtherTeams = new HashSet<string> { TeamRegistrationRules.PersonKey("NGUYEN VAN AN", member.DateOfBirth) },
        };

        Assert.Equal([new RuleViolation("members[0].fullName", RegistrationRule.MemberInAnotherTeam)], Check(ValidForm, elsewhere));
        Assert.Empty(Check(ValidForm, elsewhere with { Rules = EligibilityRules.Default with { MemberMayJoinSeveralTeams = true } }));
    }

    [Fact]
    public void a_contest_can_require_more_member_fields_on_its_form()
    {
        var rules = EligibilityRules.Default with { RequiredMemberFields = [MemberField.Gender, MemberField.Phone, MemberField.DateOfBirth] };
        var member = ValidForm.Members![0] with { Gender = null, Phone = null, DateOfBirth = null };

        var violations = Check(ValidForm with { Members = [member] }, Context with { Rules = rules });

        Assert.Equal(
            [
                new RuleViolation("members[0].dateOfBirth", RegistrationRule.Required),
                new RuleViolation("members[0].gender", RegistrationRule.Required),
                new RuleViolation("members[0].phone", RegistrationRule.Required),
            ],
            violations);
    }

    [Fact]
    public void team_size_limits_come_from_the_contest()
    {
        var rules = EligibilityRules.Default with { TeamSize = new TeamSizeLimits(2, 3, 1, 1) };
        var violations = Check(ValidForm with { Mentors = [] }, Context with { Rules = rules });
        Assert.Equal(
            [new RuleViolation("members", RegistrationRule.TooFewMembers, 2), new RuleViolation("mentors", RegistrationRule.TooFewMentors, 1)],
            violations);
    }

    [Theory]
    [InlineData("2024-04-30T23:59:59+07:00", RegistrationRule.NotOpenYet)]
    [InlineData("2024-05-01T00:00:00+07:00", null)]
    [InlineData("2024-05-20T16:59:59+07:00", null)]
    [InlineData("2024-05-20T17:00:00+07:00", RegistrationRule.Closed)]
    public void the_window_is_open_from_its_opening_instant_until_just_before_its_closing_one(string now, string? refusal)
    {
        var window = new RegistrationWindow(
            VietnamTime.ToInstant(new DateTime(2024, 5, 1, 0, 0, 0)), VietnamTime.ToInstant(new DateTime(2024, 5, 20, 17, 0, 0)));
        Assert.Equal(refusal, window.Refusal(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void a_complete_form_breaks_no_rule() => Assert.Empty(Check(ValidForm));

    [Fact]
    public void normalising_cleans_names_and_phones_for_storage()
    {
        var typed = ValidForm with
        {
            Name = "  Robo   Sao Mai ".Normalize(NormalizationForm.FormD),
            ContactPhone = "0912 345 678",
            Members = [ValidForm.Members![0] with { FullName = "nguyễn  văn an", Phone = "" }],
        };

        var normalised = TeamRegistrationRules.Normalise(typed);

        Assert.Equal("Robo Sao Mai", normalised.Name);
        Assert.True(normalised.Name!.IsNormalized(NormalizationForm.FormC));
        Assert.Equal("0912345678", normalised.ContactPhone);
        Assert.Null(normalised.Members![0].Phone);
    }

    [Fact]
    public void a_district_typed_without_accents_is_recognised() =>
        Assert.Empty(Check(ValidForm with { District = "viet yen" }));

    [Fact]
    public void every_missing_required_field_is_named()
    {
        var violations = Check(new TeamForm(null, null, null, null, null, null, null, null));

        Assert.Equal(
            ["name", "school", "district", "divisionCode", "contactPhone", "contactEmail", "members"],
            violations.Select(violation => violation.Field));
    }

    [Fact]
    public void limits_on_team_size_are_reported_with_the_limit()
    {
        var crowded = ValidForm with
        {
            Members = Enumerable.Range(1, 11).Select(index => new MemberForm($"Thành viên {index}", null, 8, null, null)).ToList(),
            Mentors = Enumerable.Repeat(ValidForm.Mentors![0], 4).ToList(),
        };

        var violations = Check(crowded);

        Assert.Contains(new RuleViolation("members", RegistrationRule.TooManyMembers, 10), violations);
        Assert.Contains(new RuleViolation("mentors", RegistrationRule.TooManyMentors, 3), violations);
    }

    [Fact]
    public void the_same_person_twice_in_one_team_is_caught_across_spellings()
    {
        var member = ValidForm.Members![0];
        var violations = Check(ValidForm with { Members = [member, member with { FullName = "NGUYEN VAN AN".Normalize(NormalizationForm.FormD) }] });

        Assert.Equal([new RuleViolation("members[1].fullName", RegistrationRule.PersonListedTwice)], violations);
    }

    [Fact]
    public void namesakes_with_different_birth_dates_are_two_people()
    {
        var member = ValidForm.Members![0];
        Assert.Empty(Check(ValidForm with { Members = [member, member with { DateOfBirth = new DateOnly(2012, 1, 1) }] }));
    }

    [Theory]
    [InlineData(2019, 6, 1)]
    [InlineData(1990, 1, 1)]
    public void implausible_birth_dates_for_students_are_refused(int year, int month, int day)
    {
        var violations = Check(ValidForm with { Members = [ValidForm.Members![0] with { DateOfBirth = new DateOnly(year, month, day) }] });
        Assert.Equal([new RuleViolation("members[0].dateOfBirth", RegistrationRule.BirthDateOutOfRange)], violations);
    }

    [Fact]
    public void unknown_district_and_division_are_refused()
    {
        var violations = Check(ValidForm with { District = "Hà Nội", DivisionCode = "MN" });
        Assert.Equal(
            [new RuleViolation("district", RegistrationRule.UnknownDistrict), new RuleViolation("divisionCode", RegistrationRule.UnknownDivision)],
            violations);
    }

    [Fact]
    public void mentor_contacts_are_checked_one_by_one()
    {
        var violations = Check(ValidForm with { Mentors = [new MentorForm("Cô Hà", "12345", "ha@")] });
        Assert.Equal(
            [new RuleViolation("mentors[0].phone", RegistrationRule.PhoneFormat), new RuleViolation("mentors[0].email", RegistrationRule.EmailFormat)],
            violations);
    }

    [Fact]
    public void the_person_key_ignores_spelling_but_not_birth_date()
    {
        var birth = new DateOnly(2011, 3, 14);
        Assert.Equal(TeamRegistrationRules.PersonKey("Nguyễn Văn An", birth), TeamRegistrationRules.PersonKey("nguyen van  an", birth));
        Assert.NotEqual(TeamRegistrationRules.PersonKey("Nguyễn Văn An", birth), TeamRegistrationRules.PersonKey("Nguyễn Văn An", null));
    }
}
