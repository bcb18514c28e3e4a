using Contests.Domain.Registration;

namespace Contests.Domain.Rounds;

public enum AdvancementKind
{
    None,
    TopPerDivision,
    ScoreThreshold,
    OrganiserSelection,
}

/// <summary>
/// Who goes on to the next round when this one is published: the best <c>Count</c> of each division, everyone scoring
/// at least <c>MinScore</c>, or the teams the organisers pick. Organisers may add teams to any rule.
/// </summary>
public sealed record AdvancementRule(AdvancementKind Kind, int? Count = null, decimal? MinScore = null)
{
    public static AdvancementRule None { get; } = new(AdvancementKind.None);

    /// <summary>Top-N and threshold rules rank judged results; organiser selection needs none.</summary>
    public bool NeedsResults => Kind is AdvancementKind.TopPerDivision or AdvancementKind.ScoreThreshold;
}

/// <summary>
/// A judged round's times as instants: submissions from <c>OpensAt</c> to <c>ClosesAt</c>, accepted late (and flagged)
/// for <c>Grace</c> after that; judging from then until <c>JudgingClosesAt</c>; results at <c>PublishAt</c>. Judging's end
/// and publication are often decided later, so both may be left open.
/// </summary>
public sealed record RoundTimes(
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    TimeSpan Grace,
    DateTimeOffset? JudgingClosesAt,
    DateTimeOffset? PublishAt,
    IReadOnlyList<int> ReminderHours)
{
    /// <summary>No submission is taken from this instant on; the judged version of each entry is fixed.</summary>
    public DateTimeOffset LocksAt => ClosesAt + Grace;

    /// <summary>Scores may no longer change from this instant: the end of judging, or publication when no end was set.</summary>
    public DateTimeOffset? JudgingLocksAt => JudgingClosesAt ?? PublishAt;
}

public sealed record AdvancementForm(string? Kind, int? Count, decimal? MinScore);

/// <summary>An organiser's schedule for a round; times are Vietnam local times as typed ("2024-06-30T17:00").</summary>
public sealed record RoundScheduleForm(
    DateTime? OpensAt,
    DateTime? ClosesAt,
    int? GraceMinutes,
    DateTime? JudgingClosesAt,
    DateTime? PublishAt,
    IReadOnlyList<int>? ReminderHours,
    AdvancementForm? Advancement);

public static class RoundScheduleRules
{
    public const int MaxGraceMinutes = 24 * 60;
    public const int MaxReminderHours = 30 * 24;
    public const int MaxReminders = 5;
    public static readonly IReadOnlyList<int> DefaultReminderHours = [48, 2];

    public static IReadOnlyList<RuleViolation> Check(RoundScheduleForm form)
    {
        var violations = new List<RuleViolation>();
        FieldChecks.RequireWindow(violations, form.OpensAt, form.ClosesAt);

        if (form.GraceMinutes is < 0 or > MaxGraceMinutes)
        {
            violations.Add(new RuleViolation("graceMinutes", "grace-out-of-range", MaxGraceMinutes));
        }

        var locks = form.ClosesAt?.AddMinutes(form.GraceMinutes ?? 0);
        if (form.JudgingClosesAt is { } judgingCloses && locks is { } lockTime && judgingCloses <= lockTime)
        {
            violations.Add(new RuleViolation("judgingClosesAt", "judging-before-lock"));
        }

        var publishNotBefore = form.JudgingClosesAt ?? locks;
        if (form.PublishAt is { } publish && publishNotBefore is { } earliest && publish < earliest)
        {
            violations.Add(new RuleViolation("publishAt", "publish-before-judging"));
        }

        var reminders = form.ReminderHours ?? [];
        if (reminders.Count > MaxReminders || reminders.Any(hours => hours is < 1 or > MaxReminderHours) || reminders.Distinct().Count() != reminders.Count)
        {
            violations.Add(new RuleViolation("reminderHours", "reminders-invalid", MaxReminderHours));
        }

        CheckAdvancement(violations, form.Advancement);
        return violations;
    }

    private static void CheckAdvancement(List<RuleViolation> violations, AdvancementForm? advancement)
    {
        if (advancement is null)
        {
            return;
        }

        if (!Enum.TryParse<AdvancementKind>(advancement.Kind, ignoreCase: false, out var kind) || !Enum.IsDefined(kind))
        {
            violations.Add(new RuleViolation("advancement.kind", "advancement-kind-unknown"));
        }
        else if (kind == AdvancementKind.TopPerDivision && advancement.Count is not (>= 1 and <= 10_000))
        {
            violations.Add(new RuleViolation("advancement.count", "advancement-count-invalid"));
        }
        else if (kind == AdvancementKind.ScoreThreshold && advancement.MinScore is not >= 0)
        {
            violations.Add(new RuleViolation("advancement.minScore", "advancement-score-invalid"));
        }
    }

    /// <summary>The decided schedule; call only when <see cref="Check"/> found nothing.</summary>
    public static (RoundTimes Times, AdvancementRule Advancement) Decide(RoundScheduleForm form)
    {
        var times = new RoundTimes(
            VietnamTime.ToInstant(form.OpensAt!.Value),
            VietnamTime.ToInstant(form.ClosesAt!.Value),
            TimeSpan.FromMinutes(form.GraceMinutes ?? 0),
            form.JudgingClosesAt is { } judging ? VietnamTime.ToInstant(judging) : null,
            form.PublishAt is { } publish ? VietnamTime.ToInstant(publish) : null,
            (form.ReminderHours ?? DefaultReminderHours).OrderDescending().ToList());
        var advancement = form.Advancement is { } chosen
            ? Enum.Parse<AdvancementKind>(chosen.Kind!) switch
            {
                AdvancementKind.TopPerDivision => new AdvancementRule(AdvancementKind.TopPerDivision, Count: chosen.Count),
                AdvancementKind.ScoreThreshold => new AdvancementRule(AdvancementKind.ScoreThreshold, MinScore: chosen.MinScore),
                var kind => new AdvancementRule(kind),
            }
            : AdvancementRule.None;
        return (times, advancement);
    }
}
