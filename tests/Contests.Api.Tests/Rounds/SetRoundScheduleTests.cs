using Alba;
using Contests.Api.Access;
using Contests.Api.Rounds;
using Contests.Api.Tests.Support;
using Contests.Domain.Rounds;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace Contests.Api.Tests.Rounds;

/// <summary>Organisers schedule a judged round; Hangfire gets one job per transition, and moving or cancelling deletes jobs.</summary>
[Collection(AppCollection.Name)]
public sealed class SetRoundScheduleTests(AppFixture app)
{
    private JobStorage Hangfire => app.Host.Services.GetRequiredService<JobStorage>();

    private string? StateOf(string jobId)
    {
        using var connection = Hangfire.GetConnection();
        return connection.GetJobData(jobId)?.State;
    }

    [Fact]
    public async Task a_first_schedule_is_set_with_if_match_0_and_every_transition_gets_a_scheduled_job()
    {
        var contest = await app.ContestWithRounds();
        var now = app.LocalNow();
        var schedule = RoundScenarios.Schedule(now.AddDays(1), now.AddDays(10), grace: 15, judgingCloses: now.AddDays(20), publish: now.AddDays(21));

        var set = await app.SetSchedule(contest.ContestId, contest.QualifyingId, schedule);

        Assert.Equal((true, RoundPhase.Upcoming, 2L), (set.Scheduled, set.State.Phase, set.Version));
        var timeline = await app.Timeline(contest.ContestId, contest.QualifyingId);
        Assert.Equal(["open", "reminder-48h", "reminder-2h", "lock", "judging-lock", "publish"], timeline.Steps.Select(step => step.Key));
        Assert.All(timeline.Steps, step => Assert.Equal("Scheduled", step.JobState));
        var scheduled = Hangfire.GetMonitoringApi().ScheduledJobs(0, 10_000).ToDictionary(job => job.Key, job => job.Value);
        var lockStep = timeline.Steps.Single(step => step.Key == "lock");
        Assert.Equal(lockStep.At.UtcDateTime, scheduled[lockStep.JobId!].EnqueueAt);
        Assert.Equal(nameof(RoundTransitionJob.Run), scheduled[lockStep.JobId!].Job.Method.Name);
        Assert.Equal(contest.QualifyingId, scheduled[lockStep.JobId!].Job.Args[1]);
    }

    [Fact]
    public async Task moving_the_deadline_deletes_the_jobs_of_moved_times_and_keeps_the_others()
    {
        var contest = await app.ContestWithRounds();
        var now = app.LocalNow();
        await app.SetSchedule(contest.ContestId, contest.QualifyingId, RoundScenarios.Schedule(now.AddDays(1), now.AddDays(10)));
        var before = (await app.Timeline(contest.ContestId, contest.QualifyingId)).Steps.ToDictionary(step => step.Key);

        var moved = await app.SetSchedule(contest.ContestId, contest.QualifyingId, RoundScenarios.Schedule(now.AddDays(1), now.AddDays(12)), version: 2);

        var after = (await app.Timeline(contest.ContestId, contest.QualifyingId)).Steps.ToDictionary(step => step.Key);
        Assert.Equal(4, moved.Version);
        Assert.Equal(before["open"].JobId, after["open"].JobId);
        foreach (var key in new[] { "reminder-48h", "reminder-2h", "lock" })
        {
            Assert.NotEqual(before[key].JobId, after[key].JobId);
            Assert.Equal("Deleted", StateOf(before[key].JobId!));
            Assert.Equal("Scheduled", after[key].JobState);
        }

        var scheduled = Hangfire.GetMonitoringApi().ScheduledJobs(0, 10_000).Select(job => job.Key).ToHashSet();
        Assert.DoesNotContain(before["lock"].JobId!, scheduled);
        Assert.Contains(after["lock"].JobId!, scheduled);
    }

    [Fact]
    public async Task cancelling_deletes_every_job_and_a_new_schedule_reinstates_the_round()
    {
        var contest = await app.ContestWithRounds();
        var now = app.LocalNow();
        await app.SetSchedule(contest.ContestId, contest.QualifyingId, RoundScenarios.Schedule(now.AddDays(1), now.AddDays(10)));
        var jobs = (await app.Timeline(contest.ContestId, contest.QualifyingId)).Steps.Select(step => step.JobId!).ToList();

        await app.Change(HttpMethod.Post, $"/api/contests/{contest.ContestId}/rounds/{contest.QualifyingId}/cancel", new { reason = "" }, Roles.Organiser, "\"2\"", 422);
        var cancelled = await app.Change(HttpMethod.Post, $"/api/contests/{contest.ContestId}/rounds/{contest.QualifyingId}/cancel",
            new { reason = "Dời sang năm sau" }, Roles.Organiser, "\"2\"", 200);

        Assert.Equal(RoundPhase.Cancelled, (await cancelled.ReadAsJsonAsync<RoundScheduleView>())!.State.Phase);
        Assert.All(jobs, job => Assert.Equal("Deleted", StateOf(job)));
        Assert.All((await app.Timeline(contest.ContestId, contest.QualifyingId)).Steps, step => Assert.Null(step.JobId));
        var again = await app.Change(HttpMethod.Post, $"/api/contests/{contest.ContestId}/rounds/{contest.QualifyingId}/cancel",
            new { reason = "Lần nữa" }, Roles.Organiser, "\"3\"", 409);
        Assert.Equal("round-cancelled", (await again.ReadAsJsonAsync<ProblemBody>())!.Code);

        var reinstated = await app.SetSchedule(contest.ContestId, contest.QualifyingId, RoundScenarios.Schedule(now.AddDays(2), now.AddDays(10)), version: 3);
        Assert.Equal((false, RoundPhase.Upcoming), (reinstated.Cancelled, reinstated.State.Phase));
    }

    [Fact]
    public async Task a_schedule_without_if_match_is_428_a_stale_one_412_and_times_out_of_order_422()
    {
        var contest = await app.ContestWithRounds();
        var now = app.LocalNow();
        var url = contest.Schedule;
        await app.Change(HttpMethod.Put, url, RoundScenarios.Schedule(now, now.AddDays(1)), Roles.Organiser, null, 428);
        await app.Change(HttpMethod.Put, url, RoundScenarios.Schedule(now, now.AddDays(1)), Roles.Organiser, "\"5\"", 412);

        var refused = await app.Change(HttpMethod.Put, url, RoundScenarios.Schedule(now, now.AddDays(-1)), Roles.Organiser, "\"0\"", 422);
        var problem = (await refused.ReadAsJsonAsync<ProblemBody>())!;
        Assert.Equal("closes-before-opening", problem.Code);
        Assert.Equal(["closes-before-opening"], problem.Rules!["closesAt"]);
    }

    [Fact]
    public async Task a_match_round_takes_no_schedule_and_an_unknown_round_is_404()
    {
        var contest = await app.ContestWithRounds();
        var now = app.LocalNow();
        var refused = await app.Change(HttpMethod.Put, $"/api/contests/{contest.ContestId}/rounds/{contest.FinalId}/schedule",
            RoundScenarios.Schedule(now, now.AddDays(1)), Roles.Organiser, "\"0\"", 409);
        Assert.Equal("round-takes-no-entries", (await refused.ReadAsJsonAsync<ProblemBody>())!.Code);

        await app.Change(HttpMethod.Put, $"/api/contests/{contest.ContestId}/rounds/{Guid.NewGuid()}/schedule",
            RoundScenarios.Schedule(now, now.AddDays(1)), Roles.Organiser, "\"0\"", 404);
    }

    [Theory]
    [InlineData(Roles.Judge)]
    [InlineData(Roles.Team)]
    public async Task only_organisers_schedule_rounds_and_see_the_timeline(string role)
    {
        var contest = await app.ContestWithRounds();
        var now = app.LocalNow();
        await app.Change(HttpMethod.Put, contest.Schedule, RoundScenarios.Schedule(now, now.AddDays(1)), role, "\"0\"", 403);
        var session = await app.SessionFor(role);
        await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url($"/api/contests/{contest.ContestId}/rounds/{contest.QualifyingId}/timeline");
            session.Apply(scenario);
            scenario.StatusCodeShouldBe(403);
        });
        await app.Host.Scenario(scenario =>
        {
            scenario.Put.Json(RoundScenarios.Schedule(now, now.AddDays(1))).ToUrl(contest.Schedule);
            scenario.WithRequestHeader("If-Match", "\"0\"");
            scenario.StatusCodeShouldBe(401);
        });
    }

    [Fact]
    public async Task anyone_reads_the_rounds_with_their_state_now_and_the_server_time()
    {
        var contest = await app.ContestWithRounds();
        var now = app.LocalNow();
        await app.SetSchedule(contest.ContestId, contest.QualifyingId, RoundScenarios.Schedule(now.AddHours(-1), now.AddDays(3)));

        var rounds = (await app.Host.GetAsJson<List<RoundScheduleView>>($"/api/contests/{contest.ContestId}/rounds"))!;

        Assert.Equal([RoundPhase.Open, RoundPhase.NotScheduled], rounds.Select(round => round.State.Phase));
        Assert.True(rounds[0].State.AcceptsEntries);
        Assert.Equal(app.Clock.GetUtcNow(), rounds[0].ServerTime);
        var single = await app.Host.Scenario(scenario => scenario.Get.Url(contest.Schedule));
        Assert.Equal("\"2\"", single.Context.Response.Headers.ETag.ToString());
    }
}
