using Contests.Api.Access;
using Contests.Api.Entries;
using Contests.Api.Judging;
using Contests.Api.Tests.Rounds;
using Contests.Api.Tests.Support;

namespace Contests.Api.Tests.Judging;

/// <summary>A judged qualifying round with a rubric, teams that submitted, judges with sessions, a panel and (optionally) a plan.</summary>
public sealed record ScoringWorld(RoundedContest Contest, IReadOnlyList<RegisteredTeam> Teams, IReadOnlyList<JudgeView> Judges, IReadOnlyList<SignedInSession> Sessions)
{
    public string Round => $"/api/contests/{Contest.ContestId}/rounds/{Contest.QualifyingId}";

    public Guid EntryOf(RegisteredTeam team) => Entry.IdFor(Contest.QualifyingId, team.Id);

    public string Scoring(Guid entryId) => $"{Round}/scoring/{entryId}";

    public string Correction(Guid entryId, Guid judgeId) => $"{Round}/scoring/{entryId}/judges/{judgeId}/correction";

    public SignedInSession SessionOf(JudgeView judge) => Sessions[Judges.ToList().IndexOf(judge)];
}

public sealed record JudgeSpec(string Name, string[]? Districts = null, bool HeadJudge = false);

public static class ScoringScenario
{
    /// <summary>Full marks on this rubric's THCS criteria would be NOVELTY 10 (×2) and SCIENCE 10.</summary>
    public static object Sheet(decimal novelty, decimal science, string? comment = null, string? reason = null) =>
        new { scores = new[] { new { code = "NOVELTY", value = novelty }, new { code = "SCIENCE", value = science } }, comment, reason };

    public static async Task<ScoringWorld> ScoringWorld(
        this AppFixture app, IReadOnlyList<string> teamDistricts, IReadOnlyList<JudgeSpec> judges, int judgesPerEntry, bool plan = true)
    {
        var contest = await app.ContestWithRounds();
        var now = app.LocalNow();
        await app.SetSchedule(contest.ContestId, contest.QualifyingId, RoundScenarios.Schedule(now.AddHours(-1), now.AddDays(1)));
        var round = $"/api/contests/{contest.ContestId}/rounds/{contest.QualifyingId}";
        await app.Change(HttpMethod.Put, $"{round}/judging/rubric", JudgingApi.CreativityRubric, Roles.Organiser, "\"0\"", 200);
        await app.Change(HttpMethod.Put, $"{round}/judging/settings", new { judgesPerEntry }, Roles.Organiser, "\"1\"", 200);

        var teams = new List<RegisteredTeam>();
        for (var index = 0; index < teamDistricts.Count; index++)
        {
            // Names one letter apart: Requests.Team derives members' birth dates from the name, so no two teams share a member.
            var team = await app.RegisterTeam(contest.ContestId, $"Đội chấm {(char)('A' + index)}", teamDistricts[index]);
            var submitted = await app.Submit(contest.Entry(team.Id), team.Session, 0, title: $"Mô hình số {index}");
            submitted.EnsureSuccessStatusCode();
            teams.Add(team);
        }

        var judgesUrl = $"/api/contests/{contest.ContestId}/judges";
        var added = new List<JudgeView>();
        var sessions = new List<SignedInSession>();
        foreach (var spec in judges)
        {
            var result = await app.Post(judgesUrl, new { name = spec.Name, districts = spec.Districts ?? [], headJudge = spec.HeadJudge }, Roles.Organiser, 201);
            var judge = (await result.ReadAsJsonAsync<JudgeView>())!;
            var code = (await (await app.Post($"{judgesUrl}/{judge.Id}/sign-in-code", new { }, Roles.Organiser, 201)).ReadAsJsonAsync<IssuedSignInCode>())!;
            added.Add(judge);
            sessions.Add(await app.SignInWithCode(code.Code));
        }

        await app.Post($"{round}/panels", new { name = "Hội đồng chung", members = added.Select(judge => judge.Id).ToArray() }, Roles.Organiser, 201);
        var world = new ScoringWorld(contest, teams, added, sessions);
        if (plan)
        {
            await app.Plan(world, 0);
        }

        return world;
    }

    public static async Task<RoundAssignmentsView> Plan(this AppFixture app, ScoringWorld world, long version, int? seed = null)
    {
        var result = await app.Change(HttpMethod.Post, $"{world.Round}/assignments", new { seed }, Roles.Organiser, $"\"{version}\"", 200);
        return (await result.ReadAsJsonAsync<RoundAssignmentsView>())!;
    }

    public static async Task<RoundAssignmentsView> Assignments(this AppFixture app, ScoringWorld world) =>
        (await (await app.Get($"{world.Round}/assignments", Roles.Organiser)).ReadAsJsonAsync<RoundAssignmentsView>())!;

    public static async Task<IReadOnlyList<Guid>> EntriesOf(this AppFixture app, ScoringWorld world, JudgeView judge) =>
        (await app.Assignments(world)).Assignments.Where(assignment => assignment.JudgeId == judge.Id).Select(assignment => assignment.EntryId).ToList();

    /// <summary>A score write as the tablet sends it: session, Idempotency-Key (unless null), If-Match for corrections.</summary>
    public static Task<HttpResponseMessage> Score(
        this AppFixture app, HttpMethod method, string url, SignedInSession session, object sheet, string? key, string? ifMatch = null)
    {
        var headers = new Dictionary<string, string>();
        if (key is not null)
        {
            headers["Idempotency-Key"] = key;
        }

        if (ifMatch is not null)
        {
            headers["If-Match"] = ifMatch;
        }

        return app.Send(method, url, session, sheet, headers);
    }

    public static Task<HttpResponseMessage> Draft(this AppFixture app, ScoringWorld world, JudgeView judge, Guid entryId, object sheet, string? key = null) =>
        app.Score(HttpMethod.Put, $"{world.Scoring(entryId)}/draft", world.SessionOf(judge), sheet, key ?? Guid.NewGuid().ToString());

    public static Task<HttpResponseMessage> SubmitScore(this AppFixture app, ScoringWorld world, JudgeView judge, Guid entryId, object sheet, string? key = null) =>
        app.Score(HttpMethod.Post, $"{world.Scoring(entryId)}/submit", world.SessionOf(judge), sheet, key ?? Guid.NewGuid().ToString());

    public static async Task<string?> Code(this HttpResponseMessage response) =>
        (await response.Read<ProblemBody>()).Code;
}
