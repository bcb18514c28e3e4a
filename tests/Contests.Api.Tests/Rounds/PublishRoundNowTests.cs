using Alba;
using Contests.Api.Access;
using Contests.Api.Rounds;
using Contests.Api.Tests.Support;
using Contests.Domain.Rounds;

namespace Contests.Api.Tests.Rounds;

/// <summary>An organiser publishes a judged round's results now, by the server's clock, from the console.</summary>
[Collection(AppCollection.Name)]
public sealed class PublishRoundNowTests(AppFixture app)
{
    private static string PublishNow(RoundedContest contest, Guid? roundId = null) =>
        $"/api/contests/{contest.ContestId}/rounds/{roundId ?? contest.QualifyingId}/publish-now";

    private async Task<string?> Refused(RoundedContest contest, string ifMatch, int status, Guid? roundId = null) =>
        (await (await app.Change(HttpMethod.Post, PublishNow(contest, roundId), null, Roles.Organiser, ifMatch, status)).ReadAsJsonAsync<ProblemBody>())!.Code;

    [Fact]
    public async Task publishing_now_sets_the_publication_to_the_server_time_and_a_resend_changes_nothing()
    {
        var contest = await app.ContestWithRounds();
        var now = app.LocalNow();
        await app.SetSchedule(contest.ContestId, contest.QualifyingId, RoundScenarios.Schedule(now.AddDays(-10), now.AddDays(-5), publish: now.AddDays(3)));

        var published = await app.Change(HttpMethod.Post, PublishNow(contest), null, Roles.Organiser, "\"2\"", 200);

        var view = (await published.ReadAsJsonAsync<RoundScheduleView>())!;
        Assert.Equal((true, RoundPhase.Published, app.Clock.GetUtcNow(), 4L), (view.State.Published, view.State.Phase, view.Times!.PublishAt, view.Version));
        Assert.Equal("\"4\"", published.Context.Response.Headers.ETag.ToString());
        var publish = (await app.Timeline(contest.ContestId, contest.QualifyingId)).Steps.Single(step => step.Key == "publish" && step.Current);
        Assert.Equal(app.Clock.GetUtcNow(), publish.At);

        var resent = await app.Change(HttpMethod.Post, PublishNow(contest), null, Roles.Organiser, "\"2\"", 200);
        var unchanged = (await resent.ReadAsJsonAsync<RoundScheduleView>())!;
        Assert.Equal((4L, app.Clock.GetUtcNow()), (unchanged.Version, unchanged.Times!.PublishAt));
    }

    [Fact]
    public async Task without_if_match_it_is_428_and_with_a_stale_version_412()
    {
        var contest = await app.ContestWithRounds();
        var now = app.LocalNow();
        await app.SetSchedule(contest.ContestId, contest.QualifyingId, RoundScenarios.Schedule(now.AddDays(-10), now.AddDays(-5)));

        await app.Change(HttpMethod.Post, PublishNow(contest), null, Roles.Organiser, null, 428);
        await app.Change(HttpMethod.Post, PublishNow(contest), null, Roles.Organiser, "\"1\"", 412);
    }

    [Fact]
    public async Task an_unknown_round_is_404_and_a_match_round_or_an_unscheduled_or_cancelled_one_409()
    {
        var contest = await app.ContestWithRounds();
        var now = app.LocalNow();
        await app.Change(HttpMethod.Post, PublishNow(contest, Guid.NewGuid()), null, Roles.Organiser, "\"0\"", 404);
        Assert.Equal("round-takes-no-entries", await Refused(contest, "\"0\"", 409, contest.FinalId));
        Assert.Equal(RoundTimeline.NotScheduled, await Refused(contest, "\"0\"", 409));

        await app.SetSchedule(contest.ContestId, contest.QualifyingId, RoundScenarios.Schedule(now.AddDays(-10), now.AddDays(-5)));
        await app.Change(HttpMethod.Post, $"/api/contests/{contest.ContestId}/rounds/{contest.QualifyingId}/cancel", new { reason = "Dời lịch" }, Roles.Organiser, "\"2\"", 200);
        Assert.Equal(RoundTimeline.Cancelled, await Refused(contest, "\"3\"", 409));
    }

    [Fact]
    public async Task while_submissions_or_judging_are_open_it_is_409_with_the_time_they_end()
    {
        var contest = await app.ContestWithRounds();
        var now = app.LocalNow();
        await app.SetSchedule(contest.ContestId, contest.QualifyingId, RoundScenarios.Schedule(now.AddDays(-1), now.AddHours(1), grace: 15));
        var open = await app.Change(HttpMethod.Post, PublishNow(contest), null, Roles.Organiser, "\"2\"", 409);
        var problem = (await open.ReadAsJsonAsync<ProblemBody>())!;
        Assert.Equal(PublishRoundNow.SubmissionsStillOpen, problem.Code);
        Assert.Contains(RoundCatchUp.Local(app.Clock.GetUtcNow().AddHours(1).AddMinutes(15)), problem.Title, StringComparison.Ordinal);

        await app.SetSchedule(contest.ContestId, contest.QualifyingId, RoundScenarios.Schedule(now.AddDays(-10), now.AddDays(-5), judgingCloses: now.AddDays(1)), version: 2);
        Assert.Equal(PublishRoundNow.JudgingStillOpen, await Refused(contest, "\"4\"", 409));
    }

    [Fact]
    public async Task a_district_organiser_may_not_publish()
    {
        var contest = await app.ContestWithRounds();
        var now = app.LocalNow();
        await app.SetSchedule(contest.ContestId, contest.QualifyingId, RoundScenarios.Schedule(now.AddDays(-10), now.AddDays(-5)));

        await app.Change(HttpMethod.Post, PublishNow(contest), null, Roles.DistrictOrganiser, "\"2\"", 403);
    }
}
