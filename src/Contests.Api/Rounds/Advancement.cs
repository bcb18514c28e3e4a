using Contests.Api.Access;
using Contests.Api.Contests;
using Contests.Api.Infrastructure;
using Contests.Api.Registration;
using Contests.Domain.Registration;
using Contests.Domain.Rounds;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Rounds;

public sealed record AdvancementTeamView(Guid TeamId, string Code, string Name, string School, string District, string DivisionCode);

public sealed record AdvancedTeamView(AdvancementTeamView Team, AdvancementBasis Basis, DateTimeOffset AdvancedAt, string AdvancedBy);

public sealed record ReversalView(AdvancementTeamView Team, string Reason, DateTimeOffset ReversedAt, string ReversedBy, bool BeforePublication);

/// <summary>
/// Who goes on from a round to the next: the rule, the organisers' picks waiting for publication, the teams that
/// advanced and every reversal with its reason. The ETag is the advancement stream's version ("0" before any pick).
/// </summary>
public sealed record AdvancementView(
    Guid RoundId,
    AdvancementRule Rule,
    Guid? NextRoundId,
    string? NextRoundName,
    bool Published,
    IReadOnlyList<AdvancementTeamView> Selected,
    IReadOnlyList<AdvancedTeamView> Advanced,
    IReadOnlyList<ReversalView> Reversals,
    long Version);

/// <summary>
/// Organisers pick teams to advance and take advancements back, with a reason. Before the round is published a pick
/// waits for publication (its job advances the picked teams); after it, a pick advances the team at once.
/// </summary>
public static class Advancement
{
    public static async Task<Results<Ok<AdvancementView>, ProblemHttpResult>> Get(
        Guid contestId, Guid roundId, HttpContext httpContext, IQuerySession session, CancellationToken cancellationToken)
    {
        var (contest, round, notFound) = await RoundLookup.Find(session, contestId, roundId, cancellationToken);
        if (round is null)
        {
            return notFound!;
        }

        var schedule = await session.LoadAsync<RoundSchedule>(RoundSchedule.IdFor(roundId), cancellationToken);
        var advancement = await session.LoadAsync<RoundAdvancement>(RoundAdvancement.IdFor(roundId), cancellationToken) ?? new RoundAdvancement(RoundAdvancement.IdFor(roundId), roundId);
        var view = await View(session, contest!, round, schedule, advancement, cancellationToken);
        ETags.Write(httpContext, view.Version);
        return TypedResults.Ok(view);
    }

    public static async Task<Results<Ok<AdvancementView>, ProblemHttpResult>> Select(
        Guid contestId, Guid roundId, Guid teamId, HttpContext httpContext, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken) =>
        await Change(contestId, roundId, teamId, reason: null, httpContext, session, clock, cancellationToken);

    public static async Task<Results<Ok<AdvancementView>, ProblemHttpResult>> Reverse(
        Guid contestId, Guid roundId, Guid teamId, ReasonForm request, HttpContext httpContext, IDocumentSession session, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var reason = Domain.Text.VietnameseText.Clean(request.Reason);
        var violations = new List<RuleViolation>();
        Domain.FieldChecks.RequireText(violations, "reason", reason, maxLength: 1000);
        return violations.Count > 0
            ? Problems.Invalid(violations)
            : await Change(contestId, roundId, teamId, reason, httpContext, session, clock, cancellationToken);
    }

    /// <summary>A pick when <paramref name="reason"/> is null, otherwise a reversal.</summary>
    private static async Task<Results<Ok<AdvancementView>, ProblemHttpResult>> Change(
        Guid contestId, Guid roundId, Guid teamId, string? reason, HttpContext httpContext, IDocumentSession session, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!ETags.TryReadExpectedVersion(httpContext, out var expectedVersion, out var refusal))
        {
            return refusal!;
        }

        var (contest, round, notFound) = await RoundLookup.Find(session, contestId, roundId, cancellationToken);
        if (round is null)
        {
            return notFound!;
        }

        if (await session.LoadAsync<Team>(teamId, cancellationToken) is not { } team || team.ContestId != contestId)
        {
            return Problems.NotFound("team-not-found");
        }

        var schedule = await session.LoadAsync<RoundSchedule>(RoundSchedule.IdFor(roundId), cancellationToken);
        var next = RoundLookup.Next(contest!, round);
        var rule = schedule is null || schedule.Advancement.Kind == AdvancementKind.None ? "advancement-not-configured"
            : next is null ? "no-next-round"
            : null;
        if (rule is not null)
        {
            return Problems.Refused(StatusCodes.Status409Conflict, rule);
        }

        var stream = await session.Events.FetchForWriting<RoundAdvancement>(RoundAdvancement.IdFor(roundId), expectedVersion, cancellationToken);
        var current = stream.Aggregate ?? new RoundAdvancement(RoundAdvancement.IdFor(roundId), roundId);
        var (change, conflict) = Decide(current, schedule!.PublicationRecorded(), team, next!, reason, Actor.From(httpContext.User), clock.GetUtcNow());
        if (change is null)
        {
            return Problems.Refused(StatusCodes.Status409Conflict, conflict!);
        }

        stream.AppendOne(change);
        await session.SaveChangesAsync(cancellationToken);

        var updated = change switch
        {
            TeamSelectedForAdvancement selected => current.Apply(selected),
            TeamAdvanced advanced => current.Apply(advanced),
            AdvancementSelectionWithdrawn withdrawn => current.Apply(withdrawn),
            AdvancementReversed reversed => current.Apply(reversed),
            _ => current,
        };
        updated.Version = expectedVersion + 1;
        var view = await View(session, contest!, round, schedule, updated, cancellationToken);
        ETags.Write(httpContext, view.Version);
        return TypedResults.Ok(view);
    }

    public static (object? Change, string? Refusal) Decide(
        RoundAdvancement current, bool published, Team team, RoundDefinition next, string? reason, Actor actor, DateTimeOffset now)
    {
        var advancing = current.IsSelected(team.Id) || current.HasAdvanced(team.Id);
        return (reason, advancing, team.Status) switch
        {
            (null, true, _) => (null, "team-already-advancing"),
            (null, false, TeamStatus.Withdrawn) => (null, TeamLifecycle.AlreadyWithdrawn),
            (null, false, _) when published => (new TeamAdvanced(current.RoundId, next.Id, team.Id, AdvancementBasis.OrganiserSelection, actor, now), null),
            (null, false, _) => (new TeamSelectedForAdvancement(current.RoundId, team.Id, actor, now), null),
            (_, false, _) => (null, "team-not-advancing"),
            _ when current.HasAdvanced(team.Id) => (new AdvancementReversed(current.RoundId, team.Id, reason!, actor, now), null),
            _ => (new AdvancementSelectionWithdrawn(current.RoundId, team.Id, reason!, actor, now), null),
        };
    }

    private static async Task<AdvancementView> View(
        IQuerySession session, Contest contest, RoundDefinition round, RoundSchedule? schedule, RoundAdvancement advancement, CancellationToken cancellationToken)
    {
        var ids = advancement.Selected.Concat(advancement.Advanced.Select(team => team.TeamId)).Concat(advancement.Reversals.Select(item => item.TeamId)).Distinct();
        var teams = (await session.LoadManyAsync<Team>(cancellationToken, ids)).ToDictionary(team => team.Id);
        AdvancementTeamView TeamView(Guid id) => teams.TryGetValue(id, out var team)
            ? new AdvancementTeamView(team.Id, team.Code, team.Name, team.School, team.District, team.DivisionCode)
            : new AdvancementTeamView(id, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);
        var next = RoundLookup.Next(contest, round);
        return new AdvancementView(
            round.Id,
            schedule?.Advancement ?? AdvancementRule.None,
            next?.Id,
            next?.Name,
            schedule?.PublicationRecorded() ?? false,
            advancement.Selected.Select(TeamView).ToList(),
            advancement.Advanced.Select(item => new AdvancedTeamView(TeamView(item.TeamId), item.Basis, item.AdvancedAt, item.AdvancedBy)).ToList(),
            advancement.Reversals.Select(item => new ReversalView(TeamView(item.TeamId), item.Reason, item.ReversedAt, item.ReversedBy, item.BeforePublication)).ToList(),
            advancement.Version);
    }
}
