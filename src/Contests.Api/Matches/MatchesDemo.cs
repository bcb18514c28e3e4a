using Contests.Api.Access;
using Contests.Api.Contests;
using Contests.Api.Infrastructure;
using Contests.Api.Registration;
using Contests.Domain.Demo;
using Contests.Domain.Matches;
using Contests.Domain.Text;
using Marten;

namespace Contests.Api.Matches;

/// <summary>
/// The demo's in-person final, played as matches in two rounds: the lower-secondary final with its groups in progress
/// (some results confirmed, one awaiting the head referee) and the upper-secondary final with its groups finished
/// and the bracket partly played. Everything is appended as the API would, from fixed seeds, once.
/// </summary>
public static class MatchesDemo
{
    private const int Seed = 20240810;
    private static readonly DateTime FinalDay = new(2024, 8, 10, 8, 0, 0);
    private static readonly Actor Organiser = new("demo", "Ban Tổ chức (dữ liệu mẫu)", Roles.Organiser);
    private static readonly Actor Referee = new("demo-referee", "Trọng tài (dữ liệu mẫu)", Roles.Referee);
    private static readonly Actor HeadReferee = new("demo-head-referee", "Trọng tài chính (dữ liệu mẫu)", Roles.HeadReferee);

    public static readonly GameDefinition Game = GameRules.Decide(new GameForm(
        "Robocon Bắc Giang 2024 — Gieo mầm xanh",
        [new TaskForm("Gieo hạt", 10, 12, "seed"), new TaskForm("Thu hoạch bóng", 30, 6, "ball"), new TaskForm("Đưa bóng vào kho", 50, 3, "silo")],
        [new PenaltyForm("Chạm vùng đối phương", 10, "ToOpponent", 5, "cross"), new PenaltyForm("Khởi động sớm", 5, "Subtracted", 3, "early")],
        "Chiến thắng tuyệt đối",
        180,
        null,
        null));

    /// <summary>The two final rounds' ids, as SetRounds derives them from the contest and the rounds' names.</summary>
    public static Guid RoundId(Guid contestId, string name) => StreamIds.For("round", $"{contestId}/{VietnameseText.Fold(name)}");

    public static async Task LoadAsync(
        IDocumentStore store, string organisation, Guid contestId, Func<int, Guid> demoTeamId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession(organisation);
        if (await session.LoadAsync<Contest>(contestId, cancellationToken) is not { } contest)
        {
            return;
        }

        (string Name, string Division, int Teams, int Groups, bool Knockout)[] finals =
        [
            (RoboconQualifying2024.LowerSecondaryFinalName, "THCS", 32, 8, false),
            (RoboconQualifying2024.UpperSecondaryFinalName, "THPT", 16, 4, true),
        ];
        if (contest.Rounds.All(round => round.Type != RoundType.Matches))
        {
            IEnumerable<RoundDefinition> rounds = contest.Rounds.Count > 0
                ? contest.Rounds
                : [new RoundDefinition(RoundId(contestId, RoboconQualifying2024.QualifyingName), 1, RoboconQualifying2024.QualifyingName, RoundLevel.Province, RoundType.JudgedSubmissions)];
            rounds = rounds.Concat(finals.Select(final => new RoundDefinition(RoundId(contestId, final.Name), 0, final.Name, RoundLevel.Province, RoundType.Matches)));
            session.Events.Append(contestId, new RoundsSet(contestId, rounds.Select((round, index) => round with { Order = index + 1 }).ToList(), Organiser, now));
        }

        var missing = new List<(string Name, string Division, int Teams, int Groups, bool Knockout)>();
        foreach (var final in finals)
        {
            if (await session.Events.FetchStreamStateAsync(MatchRound.IdFor(RoundId(contestId, final.Name)), cancellationToken) is null)
            {
                missing.Add(final);
            }
        }

        if (missing.Count == 0)
        {
            await session.SaveChangesAsync(cancellationToken);
            return;
        }

        var teams = (await session.LoadManyAsync<Team>(cancellationToken, Enumerable.Range(0, 432).Select(demoTeamId))).ToList();
        foreach (var final in missing)
        {
            var roundId = RoundId(contestId, final.Name);

            // Finalists spread over the division's teams, as if they had been the best of the online qualifying round.
            var division = teams.Where(team => team.DivisionCode == final.Division).ToList();
            var finalists = Enumerable.Range(0, final.Teams).Select(index => division[index * division.Count / final.Teams])
                .Select(team => new MatchTeam(team.Id, team.Name, team.School, team.District)).ToList();
            Play(session, contestId, roundId, finalists, final.Groups, final.Knockout, now);
        }

        await session.SaveChangesAsync(cancellationToken);
    }

    private static void Play(IDocumentSession session, Guid contestId, Guid roundId, IReadOnlyList<MatchTeam> teams, int groups, bool knockout, DateTimeOffset now)
    {
        var random = new Random(Seed + groups);
        var set = new MatchGameSet(roundId, contestId, Game, Organiser, now);
        var chosen = new MatchTeamsChosen(roundId, teams, Organiser, now);
        var round = MatchRound.Create(set).Apply(chosen);
        var drawn = DrawStages.DecideGroupStage(round, new GroupStageForm(groups, ["Sân 1", "Sân 2", "Sân 3", "Sân 4"], FinalDay, 6, 10), Seed, Organiser, now);
        round = round.Apply(drawn);
        session.Events.StartStream<MatchRound>(round.Id, set, chosen, drawn);

        // In progress: two thirds of the group matches confirmed, the next one awaiting the head referee.
        var groupMatches = round.Schedule.OrderBy(match => match.StartsAt).ToList();
        var played = knockout ? groupMatches.Count : groupMatches.Count * 2 / 3;
        var matches = new List<Match>();
        for (var index = 0; index < played; index++)
        {
            matches.Add(Result(session, roundId, groupMatches[index].Code, groupMatches[index].Red!.Value, groupMatches[index].Blue!.Value, random, confirm: true, knockout: false, now));
        }

        if (!knockout)
        {
            Result(session, roundId, groupMatches[played].Code, groupMatches[played].Red!.Value, groupMatches[played].Blue!.Value, random, confirm: false, knockout: false, now);
            return;
        }

        var lots = new List<object>();
        foreach (var table in RoundResults.Tables(round, matches).Where(table => table.Rows.Any(row => row.AwaitingLot)))
        {
            var lot = new LotDrawn(roundId, table.Group, table.Rows.Where(row => row.AwaitingLot).Select(row => row.TeamId).ToList(), HeadReferee, now);
            round = round.Apply(lot);
            lots.Add(lot);
        }

        var (bracket, _) = DrawStages.DecideKnockout(round, RoundResults.Tables(round, matches), new KnockoutForm(2, true, null), Organiser, now);
        round = round.Apply(bracket!);
        session.Events.Append(round.Id, [.. lots, bracket!]);

        // Partly played: the quarter-finals and the first semi-final confirmed, the second semi-final awaiting confirmation.
        foreach (var code in new[] { "QF1", "QF2", "QF3", "QF4", "SF1", "SF2" })
        {
            var scheduled = round.Match(code)!;
            var (red, blue) = RoundResults.TeamsOf(round, matches, scheduled);
            matches.Add(Result(session, roundId, code, red!.Value, blue!.Value, random, confirm: code != "SF2", knockout: true, now));
        }
    }

    private static Match Result(
        IDocumentSession session, Guid roundId, string code, Guid red, Guid blue, Random random, bool confirm, bool knockout, DateTimeOffset now)
    {
        var sheet = new ScoreSheet(RandomSheet(random), RandomSheet(random));
        var score = MatchScoring.Score(Game, sheet);
        if (knockout && score.Winner is null)
        {
            sheet = sheet with { DecidedWinner = random.Next(2) == 0 ? Side.Red : Side.Blue };
            score = MatchScoring.Score(Game, sheet);
        }

        var matchId = Match.IdFor(roundId, code);
        var submitted = new MatchResultSubmitted(matchId, roundId, code, StreamIds.For("demo-submission", code), red, blue, sheet, score, Referee, now);
        var match = Match.Create(submitted);
        if (!confirm)
        {
            session.Events.StartStream<Match>(matchId, submitted);
            return match;
        }

        var confirmed = new MatchResultConfirmed(matchId, roundId, code, red, blue, sheet, score, HeadReferee, now);
        session.Events.StartStream<Match>(matchId, submitted, confirmed);
        return match.Apply(confirmed);
    }

    private static SideSheet RandomSheet(Random random) => new(
        new Dictionary<string, int> { ["seed"] = random.Next(0, 13), ["ball"] = random.Next(0, 4), ["silo"] = random.Next(0, 2) },
        new Dictionary<string, int> { ["cross"] = random.Next(0, 2) });
}
