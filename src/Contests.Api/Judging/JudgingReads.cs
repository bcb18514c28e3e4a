using System.Security.Claims;
using Contests.Api.Access;
using Contests.Api.Infrastructure;
using Contests.Api.Registration;
using Contests.Domain.Judging;
using Contests.Domain.Rounds;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Judging;

/// <summary>Who an entry is, as organisers read it next to its scores.</summary>
public sealed record EntryLabel(Guid EntryId, Guid TeamId, string Code, string Name, string School, string District, string Division);

public sealed record JudgeName(Guid JudgeId, string Name);

/// <summary>
/// Everything the organisers' judging views read for one round: the round, its rubric and settings, what judging has
/// produced (<see cref="RoundScores"/>), and the teams, judges and panels to name things by.
/// </summary>
public sealed record JudgingReadModel(
    JudgedRound Judged, RoundJudging Judging, RoundScores Scores, IReadOnlyDictionary<Guid, Team> Teams, IReadOnlyDictionary<Guid, Judge> Judges,
    IReadOnlyList<Panel> Panels)
{
    /// <summary>One sheet per entry, for what every sheet of an entry says alike (its team and division).</summary>
    private readonly Dictionary<Guid, ScoredSheet> sheetOfEntry = Scores.Sheets.DistinctBy(sheet => sheet.EntryId).ToDictionary(sheet => sheet.EntryId);

    /// <summary>The division an entry is judged in: as its judges' sheets name it, else its team's.</summary>
    public string DivisionOf(Guid entryId, Guid teamId) =>
        sheetOfEntry.GetValueOrDefault(entryId)?.Division
        ?? (Teams.TryGetValue(teamId, out var team) ? team.DivisionCode : string.Empty);

    public EntryLabel Label(Guid entryId, Guid teamId) =>
        Teams.TryGetValue(teamId, out var team)
            ? new EntryLabel(entryId, teamId, team.Code, team.Name, team.School, team.District, DivisionOf(entryId, teamId))
            : new EntryLabel(entryId, teamId, string.Empty, teamId.ToString(), string.Empty, string.Empty, DivisionOf(entryId, teamId));

    /// <summary>The team whose entry it is, as the entry's sheets or assignments name it.</summary>
    public Guid TeamOf(Guid entryId) =>
        sheetOfEntry.GetValueOrDefault(entryId)?.TeamId
        ?? Scores.Assignments.First(assignment => assignment.EntryId == entryId).TeamId;

    public JudgeName JudgeNamed(Guid judgeId) => new(judgeId, Judges.TryGetValue(judgeId, out var judge) ? judge.Name : judgeId.ToString());

    /// <summary>The round's standing per division, from the sheets that count, by the round's method and tie-breaks.</summary>
    public IReadOnlyList<DivisionStanding> Standings() =>
        DivisionRanking.Rank(
            Judging.Rubric,
            Judging.Settings,
            Scores.Counted().Select(sheet => new DivisionSheet(sheet.EntryId, sheet.JudgeId, sheet.Division, sheet.Current.Scores)).ToList(),
            Scores.TieOrdersByDivision());
}

/// <summary>Loading the read model, for organisers and for a head judge of the same contest.</summary>
public static class JudgingReads
{
    /// <summary>
    /// Each team's rank and score in its division, as advancement reads them when the round is published; none for a
    /// round that is not judged or has no sheets yet.
    /// </summary>
    public static async Task<IReadOnlyList<RankedResult>> RankedResults(IQuerySession session, Guid contestId, Guid roundId, CancellationToken cancellationToken)
    {
        var (judged, _) = await JudgedRounds.Find(session, contestId, roundId, cancellationToken);
        if (judged is null)
        {
            return [];
        }

        var model = await Load(session, judged, cancellationToken);
        return model.Standings()
            .SelectMany(standing => standing.Entries.Select(entry =>
                new RankedResult(model.TeamOf(entry.Place.EntryId), standing.Division, entry.Place.Rank, entry.Result.Score)))
            .ToList();
    }

    public static async Task<(JudgingReadModel? Model, ProblemHttpResult? Refusal)> LoadFor(
        ClaimsPrincipal user, IQuerySession session, Guid contestId, Guid roundId, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.Organiser) && (await JudgeSelf.SignedIn(user, session, cancellationToken))?.ContestId != contestId)
        {
            return (null, Problems.Refused(StatusCodes.Status403Forbidden, "judging-overseer-of-another-contest"));
        }

        var (judged, refusal) = await JudgedRounds.Find(session, contestId, roundId, cancellationToken);
        return judged is null ? (null, refusal) : (await Load(session, judged, cancellationToken), null);
    }

    public static async Task<JudgingReadModel> Load(IQuerySession session, JudgedRound judged, CancellationToken cancellationToken)
    {
        var contestId = judged.Contest.Id;
        var roundId = judged.Round.Id;
        var judging = await JudgedRounds.JudgingOf(session, judged, cancellationToken);
        var scores = await RoundScores.LoadAsync(session, contestId, roundId, cancellationToken);
        var teams = await session.Query<Team>().Where(team => team.ContestId == contestId).ToListAsync(cancellationToken);
        // Removed judges too: their sheets stay in the history and need a name.
        var judges = await session.Query<Judge>().Where(judge => judge.ContestId == contestId).ToListAsync(cancellationToken);
        var panels = (await Panels.Of(session, contestId, cancellationToken)).Where(panel => panel.RoundId == roundId).ToList();
        return new JudgingReadModel(judged, judging, scores, teams.ToDictionary(team => team.Id), judges.ToDictionary(judge => judge.Id), panels);
    }
}
