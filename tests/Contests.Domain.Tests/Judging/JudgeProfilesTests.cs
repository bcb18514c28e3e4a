using System.Text;
using Contests.Domain.Judging;

namespace Contests.Domain.Tests.Judging;

public sealed class JudgeProfilesTests
{
    private static readonly string[] ContestDistricts = ["Việt Yên", "Hiệp Hòa"];

    [Fact]
    public void affiliations_are_cleaned_kept_once_and_districts_spelled_as_the_contest_does()
    {
        var form = JudgeProfiles.Normalise(
            new JudgeForm("  Nguyễn  Văn Hùng ", ["THCS Lê Quý Đôn", "thcs le quy don", " "], ["HIEP HOA", "Hà Nội"], null, "0912.345.678", " ", null),
            ContestDistricts);

        Assert.Equal("Nguyễn Văn Hùng", form.Name);
        Assert.Equal(["THCS Lê Quý Đôn"], form.Schools);
        Assert.Equal(["Hiệp Hòa", "Hà Nội"], form.Districts);
        Assert.Empty(form.Organisations!);
        Assert.Equal(("0912345678", null, false), (form.Phone, form.Email, form.HeadJudge));
        Assert.Empty(JudgeProfiles.Check(form));
    }

    [Fact]
    public void a_judge_needs_a_name_and_contacts_that_are_well_formed_when_given()
    {
        var form = JudgeProfiles.Normalise(new JudgeForm("", null, null, null, "123", "hung@", true), ContestDistricts);

        Assert.Equal(["name:required", "phone:phone-format", "email:email-format"], JudgeProfiles.Check(form).Select(violation => $"{violation.Field}:{violation.Rule}"));
    }

    [Fact]
    public void a_judge_declares_at_most_twenty_schools()
    {
        var form = JudgeProfiles.Normalise(new JudgeForm("Giám khảo", Enumerable.Range(1, 21).Select(number => $"Trường số {number}").ToList(), null, null, null, null, null), []);

        Assert.Equal("schools:too-many-affiliations", JudgeProfiles.Check(form).Select(violation => $"{violation.Field}:{violation.Rule}").Single());
    }

    [Fact]
    public void panel_members_are_judges_of_the_contest_and_divisions_are_the_contests()
    {
        var known = Guid.NewGuid();
        var stranger = Guid.NewGuid();
        var form = JudgeProfiles.Normalise(new PanelForm(" Hội đồng A ", ["thcs", "THCS", "MN"], null, [known, stranger, known]));

        Assert.Equal(["THCS", "MN"], form.Divisions);
        Assert.Equal([known, stranger], form.Members);
        Assert.Equal(
            ["divisions:unknown-division", "members[1]:unknown-judge"],
            JudgeProfiles.Check(form, ["THCS", "THPT"], new HashSet<Guid> { known }).Select(violation => $"{violation.Field}:{violation.Rule}"));
    }

    [Theory]
    [InlineData("THCS", "", "THPT", "", false)]
    [InlineData("THCS", "", "THCS", "", true)]
    [InlineData("", "", "THPT", "", true)]
    [InlineData("THCS", "Môi trường", "THCS", "Cơ khí", false)]
    [InlineData("THCS", "Môi trường", "THCS", "MOI TRUONG", true)]
    [InlineData("THCS", "Môi trường", "THCS", "", true)]
    [InlineData("THCS", "Môi trường", "THPT", "Môi trường", false)]
    public void two_panels_overlap_when_an_entry_could_belong_to_both(string divisions, string fields, string otherDivisions, string otherFields, bool overlap)
    {
        static IReadOnlyList<string> List(string text) => text.Length == 0 ? [] : [text.Normalize(NormalizationForm.FormD)];

        Assert.Equal(overlap, new PanelScope(List(divisions), List(fields)).Overlaps(new PanelScope(List(otherDivisions), List(otherFields))));
    }
}
