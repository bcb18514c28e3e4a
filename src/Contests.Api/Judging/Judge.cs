using Contests.Domain.Judging;

namespace Contests.Api.Judging;

/// <summary>A judge of a contest: the inline snapshot of their stream. Their id is the principal of their sign-in codes.</summary>
public sealed record Judge(Guid Id, Guid ContestId, string Name, JudgeAffiliations Affiliations, string? Phone, string? Email, bool HeadJudge)
{
    public long Version { get; set; }

    public bool Removed { get; init; }

    public static Judge Create(JudgeAdded added) =>
        new(added.JudgeId, added.ContestId, added.Name, added.Affiliations, added.Phone, added.Email, added.HeadJudge);

    public Judge Apply(JudgeDetailsChanged changed) =>
        this with { Name = changed.Name, Affiliations = changed.Affiliations, Phone = changed.Phone, Email = changed.Email, HeadJudge = changed.HeadJudge };

    public Judge Apply(JudgeRemoved removed) => this with { Removed = true };
}

public sealed record JudgeView(
    Guid Id, string Name, IReadOnlyList<string> Schools, IReadOnlyList<string> Districts, IReadOnlyList<string> Organisations,
    string? Phone, string? Email, bool HeadJudge, long Version)
{
    public static JudgeView From(Judge judge) =>
        new(judge.Id, judge.Name, judge.Affiliations.Schools, judge.Affiliations.Districts, judge.Affiliations.Organisations,
            judge.Phone, judge.Email, judge.HeadJudge, judge.Version);
}
