using System.Security.Cryptography;
using Contests.Api.Access;
using Contests.Api.Infrastructure;
using Contests.Domain;
using Contests.Domain.Matches;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Matches;

/// <summary>The group draw with its round-robin timetable, then the knockout bracket seeded from the group tables.</summary>
public static class DrawStages
{
    public static GroupStageDrawn DecideGroupStage(MatchRound round, GroupStageForm form, int seed, Actor actor, DateTimeOffset now)
    {
        var drawn = GroupDraw.Draw(round.Teams.Select(team => new DrawTeam(team.TeamId, team.School, team.District)).ToList(), form.GroupCount!.Value, seed);
        var groups = drawn.Groups.Select((teams, index) => new MatchGroup(GroupDraw.GroupName(index), teams)).ToList();
        var toPlace = groups.SelectMany(group => RoundRobin.Pairings(group.Teams).Select((pairing, index) =>
            (Code: $"{group.Name}{index + 1}", Group: group.Name, Pairing: pairing))).ToList();
        var fields = MatchSetupRules.CleanFields(form.Fields);
        var timetable = Timetables.Lay(
            toPlace.Select(match => new MatchToPlace(match.Code, [match.Pairing.Red, match.Pairing.Blue], match.Pairing.Round, [])).ToList(),
            new TimetableSettings(
                fields, VietnamTime.ToInstant(form.StartsAt!.Value), form.SlotMinutes!.Value, round.Game.MatchMinutes, form.MinRestMinutes!.Value,
                form.EndsBy is { } endsBy ? VietnamTime.ToInstant(endsBy) : null, seed));
        var placed = timetable.Placed.ToDictionary(match => match.Code);
        var scheduled = toPlace.Select(match => new ScheduledMatch(
                match.Code, MatchStage.Group, match.Group, match.Pairing.Round, match.Pairing.Red, match.Pairing.Blue, placed[match.Code].Field, placed[match.Code].StartsAt))
            .OrderBy(match => match.StartsAt).ThenBy(match => fields.ToList().IndexOf(match.Field))
            .ToList();
        return new GroupStageDrawn(
            round.RoundId, seed, fields, form.SlotMinutes.Value, form.MinRestMinutes.Value, groups, scheduled, timetable.Unmet,
            drawn.SameSchoolPairs, drawn.SameDistrictPairs, actor, now);
    }

    public static Task<Results<Ok<MatchRoundView>, ProblemHttpResult>> DrawGroupStage(
        Guid contestId, Guid roundId, GroupStageForm request, HttpContext httpContext, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken) =>
        MatchRounds.Change(contestId, roundId, httpContext, session, (round, matches, actor) =>
        {
            if (MatchRounds.RefuseOnceStarted(matches) is { } started)
            {
                return Refuse(started);
            }

            var violations = MatchSetupRules.Check(request, round.Teams.Count, round.Game.MatchMinutes);
            if (violations.Count > 0)
            {
                return Refuse(Problems.Invalid(violations));
            }

            var seed = request.Seed ?? RandomNumberGenerator.GetInt32(1, int.MaxValue);
            return Task.FromResult<(object?, ProblemHttpResult?)>((DecideGroupStage(round, request, seed, actor, clock.GetUtcNow()), null));
        }, cancellationToken);

    public static (KnockoutDrawn? Drawn, string? Refusal) DecideKnockout(
        MatchRound round, IReadOnlyList<GroupTable> tables, KnockoutForm form, Actor actor, DateTimeOffset now)
    {
        if (tables.Any(table => !table.Complete))
        {
            return (null, "group-stage-unfinished");
        }

        var advance = form.AdvancePerGroup!.Value;
        if (tables.Any(table => table.Rows.Take(advance).Any(row => row.AwaitingLot)))
        {
            return (null, "lot-needed");
        }

        var seeds = Brackets.SeedFromGroups(tables.Select(table => (IReadOnlyList<Guid>)table.Rows.Select(row => row.TeamId).ToList()).ToList(), advance);
        var bracket = Brackets.Build(seeds, form.ThirdPlace ?? false);
        var lastGroupMatch = round.Schedule.Where(match => match.Stage == MatchStage.Group).Max(match => match.StartsAt);
        var startsAt = form.StartsAt is { } local ? VietnamTime.ToInstant(local) : lastGroupMatch.AddMinutes(2 * round.SlotMinutes);
        var timetable = Timetables.Lay(
            bracket.Select(match => new MatchToPlace(match.Code, [], match.Round, match.Feeders)).ToList(),
            new TimetableSettings(round.Fields, startsAt, round.SlotMinutes, round.Game.MatchMinutes, round.MinRestMinutes, null, round.Seed));
        var placed = timetable.Placed.ToDictionary(match => match.Code);
        var scheduled = bracket
            .Select(match => new ScheduledMatch(match.Code, MatchStage.Knockout, null, match.Round, match.Red.Team, match.Blue.Team, placed[match.Code].Field, placed[match.Code].StartsAt))
            .ToList();
        return (new KnockoutDrawn(round.RoundId, bracket, scheduled, timetable.Unmet, actor, now), null);
    }

    public static Task<Results<Ok<MatchRoundView>, ProblemHttpResult>> DrawKnockout(
        Guid contestId, Guid roundId, KnockoutForm request, HttpContext httpContext, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken) =>
        MatchRounds.Change(contestId, roundId, httpContext, session, (round, matches, actor) =>
        {
            if (round.Groups.Count == 0)
            {
                return Refuse(Problems.Refused(StatusCodes.Status409Conflict, "group-stage-not-drawn"));
            }

            if (matches.Any(match => round.Bracket.Any(bracketMatch => bracketMatch.Code == match.Code)))
            {
                return Refuse(Problems.Refused(StatusCodes.Status409Conflict, "knockout-started"));
            }

            var violations = MatchSetupRules.Check(request, round.Groups.Select(group => group.Teams.Count).ToList());
            if (violations.Count > 0)
            {
                return Refuse(Problems.Invalid(violations));
            }

            var (drawn, refusal) = DecideKnockout(round, RoundResults.Tables(round, matches), request, actor, clock.GetUtcNow());
            return drawn is null
                ? Refuse(Problems.Refused(StatusCodes.Status409Conflict, refusal!))
                : Task.FromResult<(object?, ProblemHttpResult?)>((drawn, null));
        }, cancellationToken);

    internal static Task<(object? Change, ProblemHttpResult? Refusal)> Refuse(ProblemHttpResult refusal) =>
        Task.FromResult<(object?, ProblemHttpResult?)>((null, refusal));
}
