using System.Globalization;
using Contests.Api.Access;
using Contests.Api.Contests;
using Contests.Api.Entries;
using Contests.Api.Notifications;
using Contests.Api.Registration;
using Contests.Domain;
using Contests.Domain.Rounds;

namespace Contests.Api.Rounds;

/// <summary>What the round's due transitions add: to its schedule stream, to its advancement stream, and notifications.</summary>
public sealed record RoundCatchUpOutcome(
    IReadOnlyList<IRoundTransitionRecorded> Transitions, IReadOnlyList<object> Advancements, IReadOnlyList<NotificationPosted> Notifications);

/// <summary>
/// Brings a round up to date at <c>now</c>: every transition whose time has come and that is not recorded yet is
/// decided, oldest first, from the state as it was at the transition's own time (who had submitted before a reminder,
/// each entry's judged version at the lock). So a job that runs late, after a restart, or twice, decides exactly what
/// it would have decided on time, and the second run finds nothing due.
/// </summary>
public static class RoundCatchUp
{
    public static RoundCatchUpOutcome Decide(
        Contest contest,
        RoundDefinition round,
        RoundDefinition? nextRound,
        RoundSchedule schedule,
        RoundAdvancement? advancement,
        IReadOnlyList<Team> teams,
        IReadOnlyList<Entry> entries,
        IReadOnlyList<RankedResult> results,
        DateTimeOffset now)
    {
        var transitions = new List<IRoundTransitionRecorded>();
        var advancements = new List<object>();
        var notifications = new List<NotificationPosted>();
        var entryOf = entries.ToDictionary(entry => entry.TeamId);
        var times = schedule.Times;
        foreach (var due in RoundTimeline.Due(schedule.Plan(), schedule.RecordedTransitions(), now))
        {
            var cause = $"round/{round.Id}/{due.Key}/{due.At.UtcTicks.ToString(CultureInfo.InvariantCulture)}";
            NotificationPosted ToTeam(Team team, string code, params string[] arguments) =>
                Notify.Team(team.Id, team.ContactEmail, contest.Id, round.Id, cause, code, arguments, now);
            NotificationPosted ToOrganisers(string code, params string[] arguments) =>
                Notify.Organisers(contest.Id, round.Id, cause, code, arguments, now);

            switch (due.Kind)
            {
                case TransitionKind.Open:
                    notifications.AddRange(teams.Select(team => ToTeam(team, "rounds-opened", round.Name, contest.Name, Local(times.ClosesAt))));
                    notifications.Add(ToOrganisers("rounds-opened-organisers", round.Name, Count(teams.Count)));
                    transitions.Add(new RoundOpened(round.Id, due.Key, due.At, teams.Count, Actor.System, now));
                    break;

                case TransitionKind.Reminder when now >= times.ClosesAt:
                    transitions.Add(new RoundReminderSkipped(round.Id, due.Key, due.At, Actor.System, now));
                    break;

                case TransitionKind.Reminder:
                    var hours = (int)Math.Round((times.ClosesAt - due.At).TotalHours);
                    var missing = teams.Where(team => !SubmittedBefore(entryOf.GetValueOrDefault(team.Id), due.At)).ToList();
                    notifications.AddRange(missing.Select(team => ToTeam(team, "rounds-reminder", round.Name, Local(times.ClosesAt), Count(hours))));
                    transitions.Add(new RoundReminderSent(round.Id, due.Key, due.At, hours, missing.Count, Actor.System, now));
                    break;

                case TransitionKind.Lock:
                    var judged = teams.Select(team => (Team: team, Revision: entryOf.GetValueOrDefault(team.Id)?.Judged(times))).ToList();
                    foreach (var (team, revision) in judged)
                    {
                        notifications.Add(revision is null
                            ? ToTeam(team, "rounds-locked-missing", round.Name)
                            : ToTeam(team, "rounds-locked-entry", round.Name, Count(revision.Number)));
                    }

                    var submitted = judged.Count(pair => pair.Revision is not null);
                    var late = judged.Count(pair => pair.Revision is { Late: true });
                    var absent = judged.Count - submitted;
                    notifications.Add(ToOrganisers("rounds-locked-organisers", round.Name, Count(submitted), Count(late), Count(absent)));
                    transitions.Add(new RoundSubmissionsLocked(round.Id, due.Key, due.At, submitted, late, absent, Actor.System, now));
                    break;

                case TransitionKind.JudgingLock:
                    notifications.Add(ToOrganisers("rounds-judging-locked-organisers", round.Name));
                    transitions.Add(new RoundJudgingLocked(round.Id, due.Key, due.At, Actor.System, now));
                    break;

                case TransitionKind.Publish:
                    var advanced = nextRound is null ? new List<TeamAdvanced>() : Advance(schedule, advancement, nextRound, results, now);
                    advancements.AddRange(advanced);
                    var advancing = advanced.Select(item => item.TeamId).ToHashSet();
                    notifications.AddRange(teams.Select(team => advancing.Contains(team.Id)
                        ? ToTeam(team, "rounds-advanced", round.Name, nextRound!.Name)
                        : ToTeam(team, "rounds-published", round.Name)));
                    var awaiting = nextRound is not null && schedule.Advancement.NeedsResults && results.Count == 0;
                    notifications.Add(ToOrganisers(
                        awaiting ? "rounds-published-awaiting-organisers" : "rounds-published-organisers", round.Name, Count(advanced.Count)));
                    transitions.Add(new RoundPublished(round.Id, due.Key, due.At, advanced.Count, awaiting, Actor.System, now));
                    break;
            }
        }

        return new RoundCatchUpOutcome(transitions, advancements, notifications);
    }

    /// <summary>The rule's teams and the organisers' picks that have not advanced already, each one advancing once.</summary>
    private static List<TeamAdvanced> Advance(
        RoundSchedule schedule, RoundAdvancement? advancement, RoundDefinition nextRound, IReadOnlyList<RankedResult> results, DateTimeOffset now)
    {
        var picked = advancement?.Selected ?? [];
        return AdvancementSelection.Select(schedule.Advancement, results, picked)
            .Where(teamId => advancement?.HasAdvanced(teamId) != true)
            .Select(teamId => new TeamAdvanced(
                schedule.RoundId, nextRound.Id, teamId, picked.Contains(teamId) ? AdvancementBasis.OrganiserSelection : AdvancementBasis.Rule, Actor.System, now))
            .ToList();
    }

    private static bool SubmittedBefore(Entry? entry, DateTimeOffset instant) =>
        entry?.Revisions.Any(revision => revision.SubmittedAt < instant) == true;

    /// <summary>Deadlines read the way the teams were told them: Vietnam time, HH:mm dd/MM/yyyy.</summary>
    public static string Local(DateTimeOffset instant) =>
        VietnamTime.ToLocal(instant).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
