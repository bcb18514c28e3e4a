using Contests.Api.Registration;
using Contests.Api.Rounds;
using Contests.Domain.Judging;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Judging;

/// <summary>One criterion of the team's result: the judges' mean on it, out of the criterion's maximum.</summary>
public sealed record TeamCriterionResult(string Code, string Description, decimal Mean, decimal Maximum);

/// <summary>
/// One judge's sheet as the team sees it, with the judge's comment (null when none): numbered, not named, so that judges
/// are not lobbied afterwards.
/// </summary>
public sealed record TeamJudgeSheet(int Judge, decimal Total, IReadOnlyList<CriterionScore> Scores, string? Comment);

public sealed record TeamScore(
    string Division, int Rank, bool Tied, int RankedInDivision, decimal Score, decimal Maximum,
    IReadOnlyList<TeamCriterionResult> Criteria, IReadOnlyList<TeamJudgeSheet> Sheets);

/// <summary>
/// What a team sees of its own result in a judged round: nothing before the round's results are published (only when
/// they will be), then its score, rank in its division, each criterion and each judge's sheet and comment. <c>Result</c> stays
/// null for a team that has no counted sheet.
/// </summary>
public sealed record TeamResultView(Guid RoundId, string RoundName, bool Published, DateTimeOffset? PublishAt, TeamScore? Result);

public static class TeamResult
{
    public static async Task<Results<Ok<TeamResultView>, ProblemHttpResult>> Handle(
        Guid contestId, Guid roundId, Guid teamId, HttpContext httpContext, IQuerySession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (team, refusal) = await TeamAccess.Load(session, httpContext.User, contestId, teamId, cancellationToken);
        if (team is null)
        {
            return refusal!;
        }

        var (judged, missing) = await JudgedRounds.Find(session, contestId, roundId, cancellationToken);
        if (judged is null)
        {
            return missing!;
        }

        var publication = await RoundPublication.Of(session, judged.Round, clock.GetUtcNow(), cancellationToken);
        var result = publication.Published ? Score(await JudgingReads.Load(session, judged, cancellationToken), teamId) : null;
        return TypedResults.Ok(new TeamResultView(roundId, judged.Round.Name, publication.Published, publication.PublishAt, result));
    }

    private static TeamScore? Score(JudgingReadModel model, Guid teamId)
    {
        var sheets = model.Scores.Counted().Where(sheet => sheet.TeamId == teamId).OrderBy(sheet => sheet.JudgeId).ToList();
        if (sheets.Count == 0)
        {
            return null;
        }

        var standing = model.Standings().Single(standing => standing.Division == sheets[0].Division);
        var mine = standing.Entries.Single(entry => entry.Place.EntryId == sheets[0].EntryId);
        var criteria = model.Judging.Rubric.For(standing.Division)
            .Select(criterion => new TeamCriterionResult(criterion.Code, criterion.Description, mine.Result.CriterionMeans.GetValueOrDefault(criterion.Code), criterion.Maximum))
            .ToList();
        return new TeamScore(
            standing.Division, mine.Place.Rank, mine.Place.Tied, standing.Entries.Count, mine.Result.Score, model.Judging.Rubric.Range(standing.Division).Maximum,
            criteria, sheets.Select((sheet, index) => new TeamJudgeSheet(index + 1, sheet.Current.Total, sheet.Current.Scores, sheet.Current.Comment)).ToList());
    }
}
