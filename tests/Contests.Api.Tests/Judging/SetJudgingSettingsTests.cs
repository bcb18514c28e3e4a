using Alba;
using Contests.Api.Access;
using Contests.Api.Judging;
using Contests.Api.Tests.Support;
using Contests.Domain.Judging;

namespace Contests.Api.Tests.Judging;

[Collection(AppCollection.Name)]
public sealed class SetJudgingSettingsTests(AppFixture app)
{
    private Task<IScenarioResult> SetSettings(JudgedContest judged, object body, string? ifMatch, int expectedStatus, string role = Roles.Organiser) =>
        app.Change(HttpMethod.Put, $"{judged.Round}/judging/settings", body, role, ifMatch, expectedStatus);

    private async Task<JudgedContest> WithRubric()
    {
        var judged = await app.CreateJudgedContest();
        await app.Change(HttpMethod.Put, $"{judged.Round}/judging/rubric", JudgingApi.CreativityRubric, Roles.Organiser, "\"0\"", 200);
        return judged;
    }

    [Fact]
    public async Task an_organiser_sets_the_method_judges_per_entry_and_ordered_tie_breaks()
    {
        var judged = await WithRubric();
        var body = new
        {
            method = "TrimmedMean",
            trimEachEnd = 1,
            judgesPerEntry = 5,
            tieBreaks = new object[] { new { kind = "HigherCriterion", criterion = "novelty" }, new { kind = "HigherMedian" }, new { kind = "OrganiserDecision" } },
        };

        var result = await SetSettings(judged, body, "\"1\"", 200);

        var settings = (await result.ReadAsJsonAsync<RoundJudgingView>())!.Settings;
        Assert.Equal((AggregationMethod.TrimmedMean, 1, 5), (settings.Method, settings.TrimEachEnd, settings.JudgesPerEntry));
        Assert.Equal(
            [new TieBreakRule(TieBreakKind.HigherCriterion, "NOVELTY"), new TieBreakRule(TieBreakKind.HigherMedian), new TieBreakRule(TieBreakKind.OrganiserDecision)],
            settings.TieBreaks);
        Assert.Equal("\"2\"", result.Context.Response.Headers.ETag.ToString());
        Assert.Equal(3, (await (await app.Get($"{judged.Round}/judging", role: null)).ReadAsJsonAsync<RoundJudgingView>())!.Criteria.Count);
    }

    [Fact]
    public async Task settings_may_come_before_the_rubric_but_cannot_name_a_criterion_it_lacks()
    {
        var judged = await app.CreateJudgedContest();

        await SetSettings(judged, new { method = "StandardisedMean" }, "\"0\"", 200);
        var problem = await (await SetSettings(judged, new { tieBreaks = new[] { new { kind = "HigherCriterion", criterion = "NOVELTY" } } }, "\"1\"", 422)).Problem();

        Assert.Equal(["tie-break-unknown-criterion"], problem.Rules!["tieBreaks[0].criterion"]);
    }

    [Fact]
    public async Task unknown_methods_and_tie_breaks_and_out_of_range_numbers_are_refused()
    {
        var judged = await WithRubric();
        var body = new { method = "Average", trimEachEnd = 9, judgesPerEntry = 0, tieBreaks = new[] { new { kind = "CoinToss" } } };

        var rules = (await (await SetSettings(judged, body, "\"1\"", 422)).Problem()).Rules!;

        Assert.Equal(["unknown-aggregation-method"], rules["method"]);
        Assert.Equal(["trim-out-of-range"], rules["trimEachEnd"]);
        Assert.Equal(["judges-per-entry-out-of-range"], rules["judgesPerEntry"]);
        Assert.Equal(["unknown-tie-break"], rules["tieBreaks[0].kind"]);
    }

    [Fact]
    public async Task settings_need_the_current_version_a_judged_round_and_an_organiser()
    {
        var judged = await WithRubric();
        await SetSettings(judged, new { method = "Median" }, null, 428);
        await SetSettings(judged, new { method = "Median" }, "\"0\"", 412);
        await SetSettings(judged with { JudgedRound = judged.MatchRound }, new { method = "Median" }, "\"0\"", 409);
        await SetSettings(judged with { JudgedRound = Guid.NewGuid() }, new { method = "Median" }, "\"0\"", 404);
        foreach (var role in JudgingApi.NotOrganisers)
        {
            await SetSettings(judged, new { method = "Median" }, "\"1\"", 403, role);
        }
    }
}
