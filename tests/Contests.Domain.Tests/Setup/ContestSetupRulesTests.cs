using Contests.Domain.Registration;
using Contests.Domain.Setup;

namespace Contests.Domain.Tests.Setup;

public sealed class ContestSetupRulesTests
{
    private static readonly ContestForm ValidForm = new(
        "Cuộc thi Robocon tỉnh Bắc Giang 2024", "Robocon", 1, "Liên hiệp các Hội KH&KT tỉnh Bắc Giang",
        ["TP Bắc Giang", "Việt Yên"], [new DivisionForm("thcs", "Trung học cơ sở")]);

    [Fact]
    public void a_complete_setup_breaks_no_rule() =>
        Assert.Empty(ContestSetupRules.Check(ContestSetupRules.Normalise(ValidForm)));

    [Fact]
    public void division_codes_are_stored_upper_case() =>
        Assert.Equal("THCS", ContestSetupRules.Normalise(ValidForm).Divisions![0].Code);

    [Fact]
    public void a_district_listed_twice_under_two_spellings_is_refused()
    {
        var violations = ContestSetupRules.Check(ContestSetupRules.Normalise(ValidForm with { Districts = ["Việt Yên", "VIET YEN"] }));
        Assert.Equal([new RuleViolation("districts[1]", "duplicate-district")], violations);
    }

    [Fact]
    public void repeated_division_codes_and_unknown_kinds_are_refused()
    {
        var violations = ContestSetupRules.Check(ContestSetupRules.Normalise(ValidForm with
        {
            Kind = "Chess",
            Divisions = [new DivisionForm("A", "Bảng A"), new DivisionForm("a", "Bảng a")],
        }));

        Assert.Equal([new RuleViolation("kind", "unknown-kind"), new RuleViolation("divisions[1].code", "duplicate-division")], violations);
    }

    [Fact]
    public void a_contest_needs_districts_divisions_and_a_sensible_edition()
    {
        var violations = ContestSetupRules.Check(ContestSetupRules.Normalise(ValidForm with { Edition = 0, Districts = [" "], Divisions = [] }));
        Assert.Equal(
            [
                new RuleViolation("edition", "edition-out-of-range"),
                new RuleViolation("districts", "districts-required"),
                new RuleViolation("divisions", "divisions-required"),
            ],
            violations);
    }
}

public sealed class RoundsSetupTests
{
    [Fact]
    public void a_district_round_then_a_province_final_is_a_valid_plan() =>
        Assert.Empty(RoundsSetup.Check(new RoundsForm([new("Vòng huyện", "District", "JudgedSubmissions"), new("Chung kết tỉnh", "Province", "Matches")])));

    [Fact]
    public void rounds_need_names_known_levels_and_types_and_no_name_twice()
    {
        var violations = RoundsSetup.Check(new RoundsForm([new("Vòng 1", "Commune", "Quiz"), new("VONG 1", "Province", "Matches"), new("", "National", "Matches")]));
        Assert.Equal(
            [
                new RuleViolation("rounds[0].level", "unknown-round-level"),
                new RuleViolation("rounds[0].type", "unknown-round-type"),
                new RuleViolation("rounds[1].name", "duplicate-round"),
                new RuleViolation("rounds[2].name", "required"),
            ],
            violations);
    }

    [Fact]
    public void a_contest_has_at_least_one_round() =>
        Assert.Equal([new RuleViolation("rounds", "rounds-required")], RoundsSetup.Check(new RoundsForm([])));
}
