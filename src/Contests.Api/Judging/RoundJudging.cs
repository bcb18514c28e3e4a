using Contests.Api.Infrastructure;
using Contests.Domain.Judging;

namespace Contests.Api.Judging;

/// <summary>
/// How one judged round is judged: its rubric and settings. The stream is keyed from the round's stable id, apart from
/// the contest's own stream, so judging changes never collide with changes to the contest.
/// </summary>
public sealed record RoundJudging(Guid Id, Guid ContestId, Guid RoundId)
{
    public long Version { get; set; }

    public Rubric Rubric { get; init; } = Rubric.Empty;

    public JudgingSettings Settings { get; init; } = JudgingSettings.Default;

    /// <summary>When an organiser last locked judging by hand, and last unlocked it (see <see cref="JudgingLock"/>).</summary>
    public DateTimeOffset? LockedByHandAt { get; init; }

    public DateTimeOffset? UnlockedByHandAt { get; init; }

    public static Guid IdFor(Guid roundId) => StreamIds.For("round-judging", roundId.ToString());

    /// <summary>What a round that nobody has set up yet is judged by: no criteria, the default settings, version 0.</summary>
    public static RoundJudging Unset(Guid contestId, Guid roundId) => new(IdFor(roundId), contestId, roundId);

    public static RoundJudging Create(RubricSet set) => Unset(set.ContestId, set.RoundId).Apply(set);

    public static RoundJudging Create(JudgingSettingsSet set) => Unset(set.ContestId, set.RoundId).Apply(set);

    public RoundJudging Apply(RubricSet set) => this with { Rubric = new Rubric(set.Criteria) };

    public RoundJudging Apply(JudgingSettingsSet set) => this with { Settings = set.Settings };

    public static RoundJudging Create(JudgingLockedByHand locked) => Unset(locked.ContestId, locked.RoundId).Apply(locked);

    public static RoundJudging Create(JudgingUnlockedByHand unlocked) => Unset(unlocked.ContestId, unlocked.RoundId).Apply(unlocked);

    public RoundJudging Apply(JudgingLockedByHand locked) => this with { LockedByHandAt = locked.LockedAt };

    public RoundJudging Apply(JudgingUnlockedByHand unlocked) => this with { UnlockedByHandAt = unlocked.UnlockedAt };
}

/// <summary>The highest weighted total an entry of a division can reach under the rubric.</summary>
public sealed record DivisionMaximum(string Division, decimal Maximum);

public sealed record RoundJudgingView(
    Guid ContestId,
    Guid RoundId,
    string RoundName,
    IReadOnlyList<Criterion> Criteria,
    JudgingSettings Settings,
    IReadOnlyList<DivisionMaximum> Maxima,
    long Version)
{
    public static RoundJudgingView From(RoundJudging judging, string roundName, IEnumerable<string> divisions) =>
        new(judging.ContestId, judging.RoundId, roundName, judging.Rubric.Criteria, judging.Settings,
            judging.Rubric.Criteria.Count == 0 ? [] : divisions.Select(division => new DivisionMaximum(division, judging.Rubric.Range(division).Maximum)).ToList(),
            judging.Version);
}
