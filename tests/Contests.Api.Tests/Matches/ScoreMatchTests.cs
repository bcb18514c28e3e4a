using Alba;
using Contests.Api.Access;
using Contests.Api.Matches;
using Contests.Api.Tests.Support;

namespace Contests.Api.Tests.Matches;

[Collection(AppCollection.Name)]
public sealed class ScoreMatchTests(AppFixture app)
{
    private async Task<(MatchRoundScenario Final, MatchView First)> DrawnFinal()
    {
        var final = await MatchRoundScenario.Create(app, 4);
        var round = await final.Draw(groups: 1);
        return (final, round.Matches[0]);
    }

    [Fact]
    public async Task a_submitted_result_awaits_confirmation_and_counts_only_once_the_head_referee_confirms()
    {
        var (final, match) = await DrawnFinal();

        var submitted = await final.Submit(match.Code, MatchRoundScenario.Sheet(5, 2));
        var details = (await submitted.ReadAsJsonAsync<MatchDetails>())!;
        Assert.Equal((MatchStatus.AwaitingConfirmation, 50, 20, false), (details.Match.Status, details.Match.Score!.Red.Points, details.Match.Score.Blue.Points, details.Match.Official));
        Assert.All((await final.Round()).Groups[0].Rows, row => Assert.Equal(0, row.Played));

        var confirmed = (await (await final.Confirm(match.Code)).ReadAsJsonAsync<MatchDetails>())!;
        Assert.Equal((MatchStatus.Confirmed, true), (confirmed.Match.Status, confirmed.Match.Official));
        var table = (await final.Round()).Groups[0];
        Assert.Equal((match.Red, 3), (table.Rows[0].TeamId, table.Rows[0].RankingPoints));
        Assert.Equal(["submitted", "confirmed"], confirmed.History.Select(version => version.Event));
    }

    [Fact]
    public async Task a_sheet_resent_with_the_same_idempotency_key_is_counted_once()
    {
        var (final, match) = await DrawnFinal();
        var key = Guid.NewGuid().ToString();

        await final.Submit(match.Code, MatchRoundScenario.Sheet(5, 2), idempotencyKey: key);
        var resent = await final.Submit(match.Code, MatchRoundScenario.Sheet(5, 2), idempotencyKey: key);

        Assert.Equal("true", resent.Context.Response.Headers["Idempotent-Replayed"].ToString());
        Assert.Single((await final.Match(match.Code)).History);
        var other = await final.Submit(match.Code, MatchRoundScenario.Sheet(1, 2), expectedStatus: 409);
        Assert.Equal("match-awaiting-confirmation", (await other.ReadAsJsonAsync<ProblemBody>())!.Code);
    }

    [Fact]
    public async Task a_sheet_that_breaks_the_game_is_refused_naming_the_count()
    {
        var (final, match) = await DrawnFinal();

        var refused = await final.Submit(match.Code, MatchRoundScenario.Sheet(13, 0), expectedStatus: 422);

        Assert.Equal(["count-out-of-range"], (await refused.ReadAsJsonAsync<ProblemBody>())!.Rules!["red.tasks.seed"]);
        await final.Submit("Z9", MatchRoundScenario.Sheet(1, 0), expectedStatus: 404);
    }

    [Fact]
    public async Task only_referees_submit_and_only_the_head_referee_confirms()
    {
        var (final, match) = await DrawnFinal();
        await final.Submit(match.Code, MatchRoundScenario.Sheet(1, 0), role: Roles.Judge, expectedStatus: 403);
        await final.Submit(match.Code, MatchRoundScenario.Sheet(1, 0), role: Roles.Organiser, expectedStatus: 403);
        await final.Submit(match.Code, MatchRoundScenario.Sheet(1, 0));

        await final.Confirm(match.Code, role: Roles.Referee, expectedStatus: 403);
        await final.Confirm(match.Code, role: Roles.Organiser, expectedStatus: 403);
        await app.Change(HttpMethod.Post, $"{final.Url}/{match.Code}/confirm", null, Roles.HeadReferee, null, 428);
        await app.Change(HttpMethod.Post, $"{final.Url}/{match.Code}/confirm", null, Roles.HeadReferee, "\"5\"", 412);
        await final.Confirm(match.Code);
        var again = await final.Confirm(match.Code, expectedStatus: 409);
        Assert.Equal("match-not-awaiting-confirmation", (await again.ReadAsJsonAsync<ProblemBody>())!.Code);
        var late = await final.Submit(match.Code, MatchRoundScenario.Sheet(9, 0), expectedStatus: 409);
        Assert.Equal("match-already-confirmed", (await late.ReadAsJsonAsync<ProblemBody>())!.Code);
    }

    [Fact]
    public async Task a_returned_result_goes_back_to_the_referee_with_the_reason()
    {
        var (final, match) = await DrawnFinal();
        await final.Submit(match.Code, MatchRoundScenario.Sheet(4, 4));
        await app.Change(HttpMethod.Post, $"{final.Url}/{match.Code}/return", new { reason = "" }, Roles.HeadReferee, "\"1\"", 422);

        var returned = await app.Change(HttpMethod.Post, $"{final.Url}/{match.Code}/return", new { reason = "Đội xanh có 5 hạt, không phải 4" }, Roles.HeadReferee, "\"1\"", 200);
        var details = (await returned.ReadAsJsonAsync<MatchDetails>())!;
        Assert.Equal((MatchStatus.Returned, "Đội xanh có 5 hạt, không phải 4"), (details.Match.Status, details.ReturnReason));

        await final.Submit(match.Code, MatchRoundScenario.Sheet(4, 5));
        await final.Confirm(match.Code);
        Assert.Equal(["submitted", "returned", "submitted", "confirmed"], (await final.Match(match.Code)).History.Select(version => version.Event));
    }

    [Fact]
    public async Task a_correction_needs_the_head_referee_and_a_reason_and_keeps_every_version()
    {
        var (final, match) = await DrawnFinal();
        await final.Play(match.Code, 5, 2);
        var correction = new { sheet = MatchRoundScenario.Sheet(2, 5), reason = "Xem lại video: điểm hai đội bị ghi ngược" };

        await app.Change(HttpMethod.Post, $"{final.Url}/{match.Code}/correction", correction, Roles.Referee, "\"2\"", 403);
        await app.Change(HttpMethod.Post, $"{final.Url}/{match.Code}/correction", correction, Roles.Organiser, "\"2\"", 403);
        var noReason = await app.Change(HttpMethod.Post, $"{final.Url}/{match.Code}/correction", new { sheet = MatchRoundScenario.Sheet(2, 5) }, Roles.HeadReferee, "\"2\"", 422);
        Assert.Equal(["required"], (await noReason.ReadAsJsonAsync<ProblemBody>())!.Rules!["reason"]);
        var corrected = (await (await app.Change(HttpMethod.Post, $"{final.Url}/{match.Code}/correction", correction, Roles.HeadReferee, "\"2\"", 200)).ReadAsJsonAsync<MatchDetails>())!;

        Assert.Equal((20, 50), (corrected.Match.Score!.Red.Points, corrected.Match.Score.Blue.Points));
        Assert.Equal(["submitted", "confirmed", "corrected"], corrected.History.Select(version => version.Event));
        Assert.Equal("Xem lại video: điểm hai đội bị ghi ngược", corrected.History[^1].Reason);
        Assert.Equal(match.Blue, (await final.Round()).Groups[0].Rows[0].TeamId);
        var audit = await (await app.Send(HttpMethod.Get, "/api/access/audit?limit=1000", await app.SessionFor(Roles.Organiser))).Json<Api.Access.AuditEntry[]>();
        Assert.Contains(audit, entry => entry is { Action: "match-result-corrected", ActorRole: Roles.HeadReferee }
            && entry.Subject == $"{match.Code} — Xem lại video: điểm hai đội bị ghi ngược");
    }

    [Fact]
    public async Task an_unconfirmed_result_cannot_be_corrected()
    {
        var (final, match) = await DrawnFinal();
        await final.Submit(match.Code, MatchRoundScenario.Sheet(1, 0));

        var refused = await app.Change(HttpMethod.Post, $"{final.Url}/{match.Code}/correction", new { sheet = MatchRoundScenario.Sheet(2, 0), reason = "Sửa" }, Roles.HeadReferee, "\"1\"", 409);

        Assert.Equal("match-not-confirmed", (await refused.ReadAsJsonAsync<ProblemBody>())!.Code);
    }
}
