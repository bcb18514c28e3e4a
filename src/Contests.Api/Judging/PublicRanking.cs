using Contests.Api.Rounds;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Judging;

/// <summary>One team's place as the public ranking shows it: competition rank shared by ties, who the team is and its score.</summary>
public sealed record PublicRankingRow(int Rank, bool Tied, string TeamName, string School, string District, decimal Score);

public sealed record PublicDivisionRanking(string DivisionCode, string DivisionName, decimal Maximum, IReadOnlyList<PublicRankingRow> Rows);

/// <summary>
/// A judged round's ranking per division for everyone, once the round's results are public; before that only when they
/// will be (<c>Published</c> false, no divisions), so that nobody learns a result early from it.
/// </summary>
public sealed record PublicRankingView(
    Guid ContestId, Guid RoundId, string RoundName, bool Published, DateTimeOffset? PublishAt, IReadOnlyList<PublicDivisionRanking> Divisions);

public static class PublicRanking
{
    public static async Task<Results<Ok<PublicRankingView>, ProblemHttpResult>> Handle(
        Guid contestId, Guid roundId, IQuerySession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (judged, missing) = await JudgedRounds.Find(session, contestId, roundId, cancellationToken);
        if (judged is null)
        {
            return missing!;
        }

        var publication = await RoundPublication.Of(session, judged.Round, clock.GetUtcNow(), cancellationToken);
        var divisions = publication.Published ? Divisions(await JudgingReads.Load(session, judged, cancellationToken)) : [];
        return TypedResults.Ok(new PublicRankingView(contestId, roundId, judged.Round.Name, publication.Published, publication.PublishAt, divisions));
    }

    private static List<PublicDivisionRanking> Divisions(JudgingReadModel model)
    {
        var names = model.Judged.Contest.Divisions.ToDictionary(division => division.Code, division => division.Name, StringComparer.OrdinalIgnoreCase);
        return model.Standings()
            .Select(standing => new PublicDivisionRanking(
                standing.Division,
                names.GetValueOrDefault(standing.Division, standing.Division),
                model.Judging.Rubric.Range(standing.Division).Maximum,
                standing.Entries
                    .Select(entry => (entry, team: model.Label(entry.Place.EntryId, model.TeamOf(entry.Place.EntryId))))
                    .Select(pair => new PublicRankingRow(pair.entry.Place.Rank, pair.entry.Place.Tied, pair.team.Name, pair.team.School, pair.team.District, pair.entry.Result.Score))
                    .ToList()))
            .ToList();
    }
}
