using System.Security.Cryptography;
using Contests.Api.Infrastructure;
using Contests.Domain.Matches;
using Contests.Domain.Registration;
using Contests.Domain.Text;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Matches;

public sealed record LotForm(string? Group);

/// <summary>What the organisers and the head referee do during the day: delay a field, draw a lot between tied teams.</summary>
public static class RunTheDay
{
    public static Task<Results<Ok<MatchRoundView>, ProblemHttpResult>> DelayField(
        Guid contestId, Guid roundId, DelayForm request, HttpContext httpContext, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken) =>
        MatchRounds.Change(contestId, roundId, httpContext, session, (round, matches, actor) =>
        {
            var violations = MatchSetupRules.Check(request, round.Fields);
            if (violations.Count > 0)
            {
                return DrawStages.Refuse(Problems.Invalid(violations));
            }

            var field = VietnameseText.Clean(request.Field);
            var played = matches.Where(match => match.Status is MatchStatus.AwaitingConfirmation or MatchStatus.Confirmed).Select(match => match.Code).ToHashSet();
            var timed = round.Schedule.Select(scheduled =>
            {
                var (red, blue) = RoundResults.TeamsOf(round, matches, scheduled);
                return new TimedMatch(scheduled.Code, scheduled.Field, scheduled.StartsAt, new[] { red, blue }.OfType<Guid>().ToList(), played.Contains(scheduled.Code));
            }).ToList();
            var (shifted, unmet) = FieldDelays.Shift(timed, field, request.Minutes!.Value, round.Game.MatchMinutes, round.MinRestMinutes);
            var moved = shifted.Zip(timed).Where(pair => pair.First.StartsAt != pair.Second.StartsAt)
                .Select(pair => new MatchTime(pair.First.Code, pair.First.StartsAt)).ToList();
            return Task.FromResult<(object?, ProblemHttpResult?)>((
                new FieldDelayed(roundId, field, request.Minutes.Value, VietnameseText.Clean(request.Reason), moved, unmet, actor, clock.GetUtcNow()), null));
        }, cancellationToken);

    /// <summary>Draws the lot the game's last tie-breaker asks for, among the first set of teams of the group still tied.</summary>
    public static Task<Results<Ok<MatchRoundView>, ProblemHttpResult>> DrawLot(
        Guid contestId, Guid roundId, LotForm request, HttpContext httpContext, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken) =>
        MatchRounds.Change(contestId, roundId, httpContext, session, (round, matches, actor) =>
        {
            if (RoundResults.Tables(round, matches).FirstOrDefault(table => table.Group == request.Group) is not { } table)
            {
                return DrawStages.Refuse(Problems.Invalid([new RuleViolation("group", "unknown-group")]));
            }

            var tied = table.Rows.Where(row => row.AwaitingLot).GroupBy(row => row.Rank).FirstOrDefault();
            if (tied is null)
            {
                return DrawStages.Refuse(Problems.Refused(StatusCodes.Status409Conflict, "no-tie-to-draw"));
            }

            var order = tied.Select(row => row.TeamId).ToArray();
            RandomNumberGenerator.Shuffle(order.AsSpan());
            return Task.FromResult<(object?, ProblemHttpResult?)>((new LotDrawn(roundId, table.Group, order, actor, clock.GetUtcNow()), null));
        }, cancellationToken);
}
