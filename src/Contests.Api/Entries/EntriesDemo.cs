using Contests.Api.Access;
using Contests.Api.Contests;
using Contests.Api.Demo;
using Contests.Api.Notifications;
using Contests.Api.Registration;
using Contests.Api.Rounds;
using Contests.Domain;
using Contests.Domain.Demo;
using Contests.Domain.Registration;
using Contests.Domain.Rounds;
using Contests.Domain.Setup;
using Marten;

namespace Contests.Api.Entries;

/// <summary>
/// Adds the online qualifying round (30 June 2024) and the final to the demo contest, with the qualifying schedule,
/// the entries most teams sent, and what the round's jobs recorded on time (opening, reminders, lock) with their
/// in-app notifications; no e-mail is sent for history. Judging has no end yet, so the demo sits in judging.
/// Runs once: a second start finds the schedule and adds nothing.
/// </summary>
public static class EntriesDemo
{
    /// <summary>Answers how many entries it loaded (0 when already loaded or the demo contest is missing).</summary>
    public static async Task<int> LoadAsync(IDocumentStore store, string organisation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession(organisation);
        var contestStream = await session.Events.FetchForWriting<Contest>(DemoSeeder.ContestId, cancellationToken);
        if (contestStream.Aggregate is not { } contest)
        {
            return 0;
        }

        var organiser = new Actor("demo", "Ban Tổ chức (dữ liệu mẫu)", Roles.Organiser);
        if (contest.Rounds.Count == 0)
        {
            var (set, _) = SetRounds.Decide(contest, new RoundsForm(
            [
                new RoundForm(RoboconQualifying2024.QualifyingName, nameof(RoundLevel.Province), nameof(RoundType.JudgedSubmissions)),
                new RoundForm(RoboconQualifying2024.LowerSecondaryFinalName, nameof(RoundLevel.Province), nameof(RoundType.Matches)),
                new RoundForm(RoboconQualifying2024.UpperSecondaryFinalName, nameof(RoundLevel.Province), nameof(RoundType.Matches)),
            ]), organiser, now);
            contestStream.AppendOne(set!);
            contest = contest.Apply(set!);
        }

        if (contest.Rounds.FirstOrDefault(round => round.Type == RoundType.JudgedSubmissions) is not { } qualifying ||
            await session.Events.FetchStreamStateAsync(RoundSchedule.IdFor(qualifying.Id), cancellationToken) is not null)
        {
            await session.SaveChangesAsync(cancellationToken);
            return 0;
        }

        var (times, advancement) = RoundScheduleRules.Decide(new RoundScheduleForm(
            RoboconQualifying2024.OpensAt, RoboconQualifying2024.ClosesAt, RoboconQualifying2024.GraceMinutes, null, null, null,
            new AdvancementForm(nameof(AdvancementKind.TopPerDivision), RoboconQualifying2024.AdvancePerDivision, null)));
        var scheduleSet = new RoundScheduleSet(qualifying.Id, contest.Id, times, advancement, organiser, VietnamTime.ToInstant(RoboconQualifying2024.OpensAt.AddDays(-10)));
        var schedule = RoundSchedule.Create(scheduleSet);

        var teamIds = Enumerable.Range(0, BacGiangRobocon2024.TeamCount).Select(DemoSeeder.DemoTeamId);
        var teams = (await session.LoadManyAsync<Team>(cancellationToken, teamIds)).Where(team => team.Status != TeamStatus.Withdrawn)
            .OrderBy(team => team.Code, StringComparer.Ordinal).ToList();
        var submissions = RoboconQualifying2024.Entries(teams.Select(team => team.Code).ToList());
        var entries = new List<Entry>();
        foreach (var (team, revisions) in teams.Zip(submissions).Where(pair => pair.Second.Count > 0))
        {
            var entryId = Entry.IdFor(qualifying.Id, team.Id);
            var events = revisions.Select((revision, index) => new EntryRevisionSubmitted(
                entryId, contest.Id, qualifying.Id, team.Id, index + 1,
                new EntryContent(revision.Title, "Video quay liên tục một lượt thi theo thể lệ vòng loại.", null, [revision.VideoLink], []),
                VietnamTime.ToInstant(revision.LocalTime) >= times.ClosesAt, null,
                new Actor(team.Id.ToString(), team.Name, Roles.Team), VietnamTime.ToInstant(revision.LocalTime))).ToList();
            session.Events.StartStream<Entry>(entryId, events.Cast<object>().ToArray());
            entries.Add(events.Skip(1).Aggregate(Entry.Create(events[0]), (entry, submitted) => entry.Apply(submitted)));
        }

        session.Events.StartStream<RoundSchedule>(schedule.Id, scheduleSet);
        var caughtUp = RoundCatchUp.Decide(contest, qualifying, RoundLookup.Next(contest, qualifying), schedule, null, teams, entries, [], now);
        session.Events.Append(schedule.Id, caughtUp.Transitions.Cast<object>().ToArray());
        // A team reading its notices now would see the latest first; the demo keeps only that one per team, which
        // halves what it writes (the organisers keep all of theirs).
        Notify.Append(session, caughtUp.Notifications
            .Where(notification => notification.Audience == NotificationAudience.Organisers)
            .Concat(caughtUp.Notifications.Where(notification => notification.Audience == NotificationAudience.Team)
                .GroupBy(notification => notification.RecipientId).Select(group => group.Last())));
        await session.SaveChangesAsync(cancellationToken);
        return entries.Count;
    }
}
