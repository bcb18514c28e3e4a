using Alba;
using Contests.Api.Access;
using Contests.Api.Notifications;
using Contests.Api.Rounds;
using Contests.Api.Tests.Support;
using Contests.Domain.Rounds;
using Marten;

namespace Contests.Api.Tests.Rounds;

/// <summary>
/// The transition job, called directly as Hangfire would call it (no job server runs in tests), each time on a clock of
/// the test's choosing: on time, twice, late after a restart, or after its time was moved.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class RoundTransitionJobTests(AppFixture app)
{
    private sealed record Setup(RoundedContest Contest, IReadOnlyDictionary<string, RegisteredTeam> Teams);

    /// <summary>
    /// A round open since a minute ago and closing in three days (30 minutes' grace), organiser-picked advancement;
    /// one team submits once, one twice, one never; the organisers pick the first.
    /// </summary>
    private async Task<Setup> RoundUnderWay(DateTime now)
    {
        var contest = await app.ContestWithRounds();
        await app.SetSchedule(contest.ContestId, contest.QualifyingId, RoundScenarios.Schedule(
            now.AddMinutes(-1), now.AddDays(3), grace: 30, judgingCloses: now.AddDays(8), publish: now.AddDays(9),
            advancement: new { kind = "OrganiserSelection" }));
        var teams = new Dictionary<string, RegisteredTeam>();
        foreach (var name in new[] { "Đội Nộp Một Lần", "Đội Nộp Hai Lần", "Đội Chưa Nộp" })
        {
            teams[name] = await app.RegisterTeam(contest.ContestId, name);
        }

        Assert.True((await app.Submit(contest.Entry(teams["Đội Nộp Một Lần"].Id), teams["Đội Nộp Một Lần"].Session, 0)).IsSuccessStatusCode);
        Assert.True((await app.Submit(contest.Entry(teams["Đội Nộp Hai Lần"].Id), teams["Đội Nộp Hai Lần"].Session, 0)).IsSuccessStatusCode);
        Assert.True((await app.Submit(contest.Entry(teams["Đội Nộp Hai Lần"].Id), teams["Đội Nộp Hai Lần"].Session, 1, title: "Robot gắp bóng v2")).IsSuccessStatusCode);
        await app.Change(HttpMethod.Post, $"/api/contests/{contest.ContestId}/rounds/{contest.QualifyingId}/advancement/{teams["Đội Nộp Một Lần"].Id}",
            null, Roles.Organiser, "\"0\"", 200);
        return new Setup(contest, teams);
    }

    /// <summary>What the round's transitions left behind, in terms two contests with the same times and teams share.</summary>
    private async Task<(List<string> Recorded, List<string> Notifications, List<string> Advanced)> Outcome(Setup setup)
    {
        await using var session = app.QuerySession();
        var schedule = (await session.LoadAsync<RoundSchedule>(RoundSchedule.IdFor(setup.Contest.QualifyingId)))!;
        var names = setup.Teams.Values.ToDictionary(team => team.Id, team => team.Name);
        var contestName = (await session.LoadAsync<Api.Contests.Contest>(setup.Contest.ContestId))!.Name;
        var notifications = await session.Query<Notification>()
            .Where(notification => notification.ContestId == setup.Contest.ContestId && notification.Code.StartsWith("rounds-"))
            .ToListAsync();
        var advancement = await session.LoadAsync<RoundAdvancement>(RoundAdvancement.IdFor(setup.Contest.QualifyingId));
        return (
            schedule.Recorded.Select(recorded => $"{recorded.Key} {recorded.Kind} {recorded.At:O} {recorded.Outcome} {string.Join(',', recorded.Counts)}").ToList(),
            notifications
                .Select(notification => $"{(notification.Audience == NotificationAudience.Team ? names[notification.RecipientId] : "BTC")}: {notification.Code} "
                                        + string.Join('|', notification.Arguments).Replace(contestName, "{contest}", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal).ToList(),
            (advancement?.Advanced ?? []).Select(team => names[team.TeamId]).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task after_a_restart_with_missed_job_times_the_jobs_run_and_the_state_is_as_if_they_had_run_on_time()
    {
        var now = app.LocalNow();
        var onTime = await RoundUnderWay(now);
        var restarted = await RoundUnderWay(now);

        foreach (var step in (await app.Timeline(onTime.Contest.ContestId, onTime.Contest.QualifyingId)).Steps)
        {
            await app.JobAt(step.At).Run(app.Organisation, onTime.Contest.QualifyingId, step.Key);
        }

        // Down from the start until just before the close, then again from then until a day after publication.
        var steps = (await app.Timeline(restarted.Contest.ContestId, restarted.Contest.QualifyingId)).Steps.ToDictionary(step => step.Key);
        Assert.Equal(3, await app.JobAt(steps["reminder-2h"].At.AddMinutes(30)).CatchUp(app.Organisation, restarted.Contest.QualifyingId, CancellationToken.None));
        Assert.Equal(3, await app.JobAt(steps["publish"].At.AddDays(1)).CatchUp(app.Organisation, restarted.Contest.QualifyingId, CancellationToken.None));

        var expected = await Outcome(onTime);
        var actual = await Outcome(restarted);
        Assert.Equal(expected.Recorded, actual.Recorded);
        Assert.Equal(expected.Notifications, actual.Notifications);
        Assert.Equal(expected.Advanced, actual.Advanced);
        Assert.Equal(["Đội Nộp Một Lần"], actual.Advanced);
        Assert.Contains("Đội Chưa Nộp: rounds-reminder Vòng loại trực tuyến|" + RoundCatchUp.Local(steps["lock"].At.AddMinutes(-30)) + "|2", actual.Notifications);
        Assert.Contains("Đội Nộp Hai Lần: rounds-locked-entry Vòng loại trực tuyến|2", actual.Notifications);
        Assert.Contains("BTC: rounds-locked-organisers Vòng loại trực tuyến|2|0|1", actual.Notifications);
        Assert.Contains("Đội Nộp Một Lần: rounds-advanced Vòng loại trực tuyến|Chung kết", actual.Notifications);
    }

    [Fact]
    public async Task a_job_executed_twice_has_one_effect()
    {
        var setup = await RoundUnderWay(app.LocalNow());
        var opening = (await app.Timeline(setup.Contest.ContestId, setup.Contest.QualifyingId)).Steps.Single(step => step.Key == "open");

        Assert.Equal(1, await app.JobAt(opening.At.AddSeconds(5)).CatchUp(app.Organisation, setup.Contest.QualifyingId, CancellationToken.None));
        var once = await Outcome(setup);
        await app.JobAt(opening.At.AddSeconds(6)).Run(app.Organisation, setup.Contest.QualifyingId, "open");

        var twice = await Outcome(setup);
        Assert.Equal(once.Recorded, twice.Recorded);
        Assert.Equal(once.Notifications, twice.Notifications);
        Assert.Equal(4, twice.Notifications.Count);
    }

    [Fact]
    public async Task a_job_left_behind_by_a_moved_deadline_records_nothing_at_its_old_time()
    {
        var setup = await RoundUnderWay(app.LocalNow());
        var now = app.LocalNow();
        var oldLock = (await app.Timeline(setup.Contest.ContestId, setup.Contest.QualifyingId)).Steps.Single(step => step.Key == "lock");
        await app.SetSchedule(setup.Contest.ContestId, setup.Contest.QualifyingId, RoundScenarios.Schedule(
            now.AddMinutes(-1), now.AddDays(5), grace: 30, advancement: new { kind = "OrganiserSelection" }), version: 2);

        await app.JobAt(oldLock.At).Run(app.Organisation, setup.Contest.QualifyingId, "lock");

        var timeline = await app.Timeline(setup.Contest.ContestId, setup.Contest.QualifyingId);
        Assert.Null(timeline.Steps.Single(step => step.Key == "lock").RecordedAt);
        Assert.Equal(RoundPhase.Open, timeline.State.Phase);
    }

    [Fact]
    public async Task reminders_that_could_only_run_after_the_deadline_are_skipped_and_the_rest_is_recorded_at_its_own_time()
    {
        var setup = await RoundUnderWay(app.LocalNow());
        var steps = (await app.Timeline(setup.Contest.ContestId, setup.Contest.QualifyingId)).Steps.ToDictionary(step => step.Key);

        Assert.Equal(6, await app.JobAt(steps["publish"].At.AddHours(1)).CatchUp(app.Organisation, setup.Contest.QualifyingId, CancellationToken.None));

        var (recorded, notifications, advanced) = await Outcome(setup);
        Assert.Contains($"reminder-48h Reminder {steps["reminder-48h"].At:O} rounds-outcome-reminder-skipped ", recorded);
        Assert.Contains($"lock Lock {steps["lock"].At:O} rounds-outcome-locked 2,0,1", recorded);
        Assert.DoesNotContain(notifications, notification => notification.Contains("rounds-reminder", StringComparison.Ordinal));
        Assert.Equal(["Đội Nộp Một Lần"], advanced);
        var timeline = await app.Timeline(setup.Contest.ContestId, setup.Contest.QualifyingId);
        Assert.All(timeline.Steps, step => Assert.NotNull(step.RecordedAt));
        Assert.Equal("Đã công bố; 1 đội đi tiếp.", timeline.Steps.Single(step => step.Key == "publish").Outcome);
    }
}
