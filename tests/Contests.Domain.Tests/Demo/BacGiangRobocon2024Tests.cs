using System.Text;
using System.Text.Json;
using Contests.Domain.Demo;
using Contests.Domain.Registration;
using Contests.Domain.Text;

namespace Contests.Domain.Tests.Demo;

public sealed class BacGiangRobocon2024Tests
{
    private static readonly DemoContest Demo = BacGiangRobocon2024.Generate();

    private static IEnumerable<string> Phones(DemoTeam team) =>
        team.Members.Select(member => member.Phone).OfType<string>().Concat(team.Mentors.Select(mentor => mentor.Phone));

    [Fact]
    public void it_has_the_432_teams_and_1484_members_and_mentors_of_2024()
    {
        Assert.Equal(432, Demo.Teams.Count);
        Assert.Equal(1484, Demo.Teams.Sum(team => team.Members.Count + team.Mentors.Count));
    }

    [Fact]
    public void every_district_level_unit_has_teams()
    {
        Assert.Equal(10, Demo.Districts.Count);
        Assert.All(Demo.Districts, district => Assert.Contains(Demo.Teams, team => team.District == district));
    }

    [Fact]
    public void every_team_passes_the_registration_rules()
    {
        var context = new RegistrationContext(
            Demo.Districts, Demo.Divisions.Select(division => division.Code).ToList(), EligibilityRules.Default, new DateOnly(2024, 5, 20), new HashSet<string>());
        Assert.All(Demo.Teams, team =>
        {
            var form = new TeamForm(
                team.Name, team.School, team.District, team.DivisionCode, team.ContactPhone, team.ContactEmail,
                team.Members.Select(member => new MemberForm(member.FullName, member.DateOfBirth, member.Grade, Enum.Parse<Gender>(member.Gender), member.Phone)).ToList(),
                team.Mentors.Select(mentor => new MentorForm(mentor.FullName, mentor.Phone, mentor.Email)).ToList());
            Assert.Empty(TeamRegistrationRules.Check(form, context));
        });
    }

    [Fact]
    public void every_phone_number_has_ten_digits_a_leading_zero_and_one_owner()
    {
        var phones = Demo.Teams.SelectMany(Phones).ToList();
        Assert.All(phones, phone => Assert.Matches("^0[0-9]{9}$", phone));
        Assert.Equal(phones.Count, phones.Distinct().Count());
    }

    [Fact]
    public void team_names_are_unique_ignoring_case_and_accents()
    {
        var folded = Demo.Teams.Select(team => VietnameseText.Fold(team.Name)).ToList();
        Assert.Equal(folded.Count, folded.Distinct().Count());
    }

    [Fact]
    public void nobody_is_in_two_teams()
    {
        var people = Demo.Teams.SelectMany(team =>
            team.Members.Select(member => TeamRegistrationRules.PersonKey(member.FullName, member.DateOfBirth))
                .Concat(team.Mentors.Select(mentor => TeamRegistrationRules.PersonKey(mentor.FullName, null)))).ToList();
        Assert.Equal(people.Count, people.Distinct().Count());
    }

    [Fact]
    public void grades_and_birth_years_fit_the_division_in_the_2023_2024_school_year()
    {
        var divisions = Demo.Divisions.ToDictionary(division => division.Code);
        Assert.All(Demo.Teams.SelectMany(team => team.Members.Select(member => (team.DivisionCode, member))), pair =>
        {
            var division = divisions[pair.DivisionCode];
            Assert.InRange(pair.member.Grade, division.MinGrade, division.MaxGrade);
            Assert.Equal(2018 - pair.member.Grade, pair.member.DateOfBirth.Year);
        });
    }

    [Fact]
    public void all_text_is_nfc_and_emails_are_ascii()
    {
        var texts = Demo.Teams.SelectMany(team =>
            new[] { team.Name, team.School, team.District }
                .Concat(team.Members.Select(member => member.FullName))
                .Concat(team.Mentors.Select(mentor => mentor.FullName)));
        Assert.All(texts, text => Assert.True(text.IsNormalized(NormalizationForm.FormC), text));
        Assert.All(Demo.Teams.SelectMany(team => team.Mentors), mentor => Assert.Matches("^[a-z0-9.]+@[a-z0-9.-]+$", mentor.Email));
    }

    [Fact]
    public void two_runs_give_the_same_contest() =>
        Assert.Equal(JsonSerializer.Serialize(Demo), JsonSerializer.Serialize(BacGiangRobocon2024.Generate()));
}
