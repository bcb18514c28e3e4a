using Alba;
using Contests.Api.Access;
using Contests.Api.Rounds;
using Contests.Api.Tests.Rounds;
using Contests.Api.Tests.Support;

namespace Contests.Api.Tests.Judging;

/// <summary>Publication of a judged round advances the teams its judging ranks under the round's rule.</summary>
[Collection(AppCollection.Name)]
public sealed class JudgingAdvancementTests(AppFixture app)
{
    [Fact]
    public async Task publication_advances_the_top_teams_of_the_judging_ranking_ties_included()
    {
        var contest = await app.ContestWithRounds(middle: "Bán kết trực tuyến");
        var now = app.LocalNow();
        var set = await app.SetSchedule(contest.ContestId, contest.QualifyingId, RoundScenarios.Schedule(
            now.AddHours(-1), now.AddDays(1), publish: now.AddDays(2), advancement: new { kind = "TopPerDivision", count = 2 }));
        var round = $"/api/contests/{contest.ContestId}/rounds/{contest.QualifyingId}";
        await app.Change(HttpMethod.Put, $"{round}/judging/rubric", JudgingApi.CreativityRubric, Roles.Organiser, "\"0\"", 200);
        var scoring = new ScoringStreams(app, contest.ContestId, contest.QualifyingId);
        var entries = await scoring.Entries(4);
        Guid[] judges = [Guid.NewGuid(), Guid.NewGuid()];
        await scoring.Assign(entries, judges);
        // Totals 25, 20, 20 and 10: the two teams sharing second place both advance under "top 2".
        (decimal Novelty, decimal Science)[] sheets = [(10, 5), (8, 4), (7, 6), (4, 2)];
        for (var index = 0; index < entries.Count; index++)
        {
            foreach (var judge in judges)
            {
                await scoring.Submit(entries[index], judge, sheets[index].Novelty, sheets[index].Science);
            }
        }

        await scoring.Settled();
        await app.JobAt(set.Times!.PublishAt!.Value).CatchUp(app.Organisation, contest.QualifyingId, CancellationToken.None);

        var advancement = (await (await app.Get($"{round}/advancement", Roles.Organiser)).ReadAsJsonAsync<AdvancementView>())!;
        Assert.True(advancement.Published);
        Assert.Equal(
            entries.Take(3).Select(entry => (entry.TeamId, AdvancementBasis.Rule)).ToHashSet(),
            advancement.Advanced.Select(team => (team.Team.TeamId, team.Basis)).ToHashSet());
    }
}
