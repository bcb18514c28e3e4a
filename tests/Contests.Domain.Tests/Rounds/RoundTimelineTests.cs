using Contests.Domain.Registration;
using Contests.Domain.Rounds;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Contests.Domain.Tests.Rounds;

public sealed class RoundTimelineTests
{
    private static readonly DateTimeOffset Opens = new(2024, 6, 15, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Closes = new(2024, 6, 30, 10, 0, 0, TimeSpan.Zero);

    private static readonly RoundTimes Times = new(
        Opens, Closes, TimeSpan.FromMinutes(15), Closes.AddDays(10), Closes.AddDays(12), [48, 2]);

    [Fact]
    public void the_plan_opens_reminds_locks_after_the_grace_locks_judging_and_publishes_in_order()
    {
        var plan = RoundTimeline.Plan(Times);

        Assert.Equal(
            [
                new Transition("open", TransitionKind.Open, Opens),
                new Transition("reminder-48h", TransitionKind.Reminder, Closes.AddHours(-48)),
                new Transition("reminder-2h", TransitionKind.Reminder, Closes.AddHours(-2)),
                new Transition("lock", TransitionKind.Lock, Closes.AddMinutes(15)),
                new Transition("judging-lock", TransitionKind.JudgingLock, Closes.AddDays(10)),
                new Transition("publish", TransitionKind.Publish, Closes.AddDays(12)),
            ],
            plan);
    }

    [Fact]
    public void a_reminder_that_would_fall_before_the_opening_is_left_out_and_unset_times_have_no_transition()
    {
        var shortRound = new RoundTimes(Closes.AddHours(-10), Closes, TimeSpan.Zero, null, null, [48, 2]);

        Assert.Equal(["open", "reminder-2h", "lock"], RoundTimeline.Plan(shortRound).Select(transition => transition.Key));
    }

    [Fact]
    public void a_submission_one_second_before_the_close_is_on_time_and_at_the_close_without_grace_is_refused()
    {
        var noGrace = Times with { Grace = TimeSpan.Zero };

        Assert.Null(RoundTimeline.EntryRefusal(noGrace, false, Closes.AddSeconds(-1)));
        Assert.Equal(RoundTimeline.Closed, RoundTimeline.EntryRefusal(noGrace, false, Closes));
        Assert.Equal(RoundTimeline.Closed, RoundTimeline.EntryRefusal(noGrace, false, Closes.AddSeconds(1)));
    }

    [Fact]
    public void refusals_say_why_before_opening_when_cancelled_and_when_never_scheduled()
    {
        Assert.Equal(RoundTimeline.NotOpenYet, RoundTimeline.EntryRefusal(Times, false, Opens.AddSeconds(-1)));
        Assert.Equal(RoundTimeline.Cancelled, RoundTimeline.EntryRefusal(Times, true, Opens.AddDays(1)));
        Assert.Equal(RoundTimeline.NotScheduled, RoundTimeline.EntryRefusal(null, false, Opens));
    }

    [Theory]
    [InlineData(-1, RoundPhase.Upcoming, false, false)]
    [InlineData(60, RoundPhase.Open, true, false)]
    [InlineData(15 * 24 * 60 + 10 * 60 + 5, RoundPhase.Grace, true, true)]
    [InlineData(15 * 24 * 60 + 10 * 60 + 15, RoundPhase.Judging, false, false)]
    [InlineData(25 * 24 * 60 + 10 * 60, RoundPhase.JudgingLocked, false, false)]
    [InlineData(27 * 24 * 60 + 10 * 60, RoundPhase.Published, false, false)]
    public void the_state_follows_the_clock(int minutesAfterOpening, RoundPhase phase, bool accepts, bool late)
    {
        var state = RoundTimeline.StateAt(Times, false, Opens.AddMinutes(minutesAfterOpening));

        Assert.Equal((phase, accepts, late), (state.Phase, state.AcceptsEntries, state.EntriesAreLate));
        Assert.Equal(phase is RoundPhase.JudgingLocked or RoundPhase.Published, state.JudgingLocked);
        Assert.Equal(phase == RoundPhase.Judging, state.JudgingOpen);
    }

    [Fact]
    public void without_an_end_of_judging_judging_locks_at_publication_and_without_either_stays_open()
    {
        var publishOnly = Times with { JudgingClosesAt = null };
        Assert.Equal(RoundPhase.Published, RoundTimeline.StateAt(publishOnly, false, Closes.AddDays(12)).Phase);
        Assert.True(RoundTimeline.StateAt(publishOnly, false, Closes.AddDays(12)).JudgingLocked);

        var openEnded = Times with { JudgingClosesAt = null, PublishAt = null };
        var state = RoundTimeline.StateAt(openEnded, false, Closes.AddYears(1));
        Assert.Equal((RoundPhase.Judging, null), (state.Phase, state.NextChangeAt));
    }

    [Fact]
    public void due_transitions_are_those_whose_time_came_and_that_were_not_recorded_with_that_time()
    {
        var plan = RoundTimeline.Plan(Times);
        var recorded = new[] { plan[0], plan[1] with { At = plan[1].At.AddHours(-5) } };

        var due = RoundTimeline.Due(plan, recorded, Closes);

        Assert.Equal(["reminder-48h", "reminder-2h"], due.Select(transition => transition.Key));
        Assert.Equal(5, RoundTimeline.Pending(plan, recorded).Count);
    }

    private static Arbitrary<(RoundTimes Times, DateTimeOffset Now)> Schedules() =>
        (from openMinutes in Gen.Choose(0, 100_000)
         from lengthMinutes in Gen.Choose(1, 50_000)
         from graceMinutes in Gen.Choose(0, 1_440)
         from judgingMinutes in Gen.Choose(1, 50_000)
         from publishDelay in Gen.Choose(0, 5_000)
         from nowMinutes in Gen.Choose(-10, 300_000)
         let opens = Opens.AddMinutes(openMinutes)
         let closes = opens.AddMinutes(lengthMinutes)
         let judging = closes.AddMinutes(graceMinutes + judgingMinutes)
         select (new RoundTimes(opens, closes, TimeSpan.FromMinutes(graceMinutes), judging, judging.AddMinutes(publishDelay), [48, 2]),
                 Opens.AddMinutes(nowMinutes))).ToArbitrary();

    [Property]
    public Property an_entry_is_accepted_exactly_while_the_state_says_entries_are_accepted() =>
        Prop.ForAll(Schedules(), pair =>
            (RoundTimeline.EntryRefusal(pair.Times, false, pair.Now) is null) == RoundTimeline.StateAt(pair.Times, false, pair.Now).AcceptsEntries);

    [Property]
    public Property recording_every_due_transition_leaves_nothing_due_and_the_rest_pending_in_the_future() =>
        Prop.ForAll(Schedules(), pair =>
        {
            var plan = RoundTimeline.Plan(pair.Times);
            var recorded = RoundTimeline.Due(plan, [], pair.Now);
            return RoundTimeline.Due(plan, recorded, pair.Now).Count == 0 &&
                   RoundTimeline.Pending(plan, recorded).All(transition => transition.At > pair.Now);
        });

    [Property]
    public Property the_plan_is_in_time_order() =>
        Prop.ForAll(Schedules(), pair =>
        {
            var plan = RoundTimeline.Plan(pair.Times);
            return plan.Zip(plan.Skip(1), (earlier, later) => earlier.At <= later.At).All(ordered => ordered);
        });
}

public sealed class RoundScheduleRulesTests
{
    private static readonly RoundScheduleForm Valid = new(
        new DateTime(2024, 6, 15, 7, 0, 0), new DateTime(2024, 6, 30, 17, 0, 0), 15,
        new DateTime(2024, 7, 10, 17, 0, 0), new DateTime(2024, 7, 12, 17, 0, 0), null, new AdvancementForm("TopPerDivision", 16, null));

    [Fact]
    public void a_complete_schedule_breaks_no_rule_and_is_stored_as_vietnam_instants_with_default_reminders()
    {
        Assert.Empty(RoundScheduleRules.Check(Valid));

        var (times, advancement) = RoundScheduleRules.Decide(Valid);

        Assert.Equal(new DateTimeOffset(2024, 6, 30, 10, 0, 0, TimeSpan.Zero), times.ClosesAt);
        Assert.Equal(new DateTimeOffset(2024, 6, 30, 10, 15, 0, TimeSpan.Zero), times.LocksAt);
        Assert.Equal([48, 2], times.ReminderHours);
        Assert.Equal(new AdvancementRule(AdvancementKind.TopPerDivision, 16), advancement);
    }

    [Fact]
    public void times_out_of_order_are_refused_field_by_field()
    {
        var violations = RoundScheduleRules.Check(Valid with
        {
            ClosesAt = new DateTime(2024, 6, 1),
            JudgingClosesAt = new DateTime(2024, 5, 1),
            PublishAt = new DateTime(2024, 4, 1),
        });

        Assert.Equal(
            [
                new RuleViolation("closesAt", "closes-before-opening"),
                new RuleViolation("judgingClosesAt", "judging-before-lock"),
                new RuleViolation("publishAt", "publish-before-judging"),
            ],
            violations);
    }

    [Fact]
    public void grace_reminders_and_advancement_must_make_sense()
    {
        var violations = RoundScheduleRules.Check(Valid with
        {
            GraceMinutes = -1,
            ReminderHours = [2, 2],
            Advancement = new AdvancementForm("TopPerDivision", 0, null),
        });

        Assert.Equal(["graceMinutes", "reminderHours", "advancement.count"], violations.Select(violation => violation.Field));
        Assert.Equal("advancement-kind-unknown", Assert.Single(RoundScheduleRules.Check(Valid with { Advancement = new AdvancementForm("Lottery", null, null) })).Rule);
        Assert.Equal("advancement.minScore", Assert.Single(RoundScheduleRules.Check(Valid with { Advancement = new AdvancementForm("ScoreThreshold", null, null) })).Field);
    }

    [Fact]
    public void opening_and_closing_are_required_and_an_empty_reminder_list_means_no_reminders()
    {
        Assert.Equal(["opensAt", "closesAt"], RoundScheduleRules.Check(new RoundScheduleForm(null, null, null, null, null, null, null)).Select(violation => violation.Field));
        Assert.Empty(RoundScheduleRules.Decide(Valid with { ReminderHours = [] }).Times.ReminderHours);
        Assert.Equal(AdvancementRule.None, RoundScheduleRules.Decide(Valid with { Advancement = null }).Advancement);
    }
}
