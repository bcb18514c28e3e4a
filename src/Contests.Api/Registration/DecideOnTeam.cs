using Contests.Api.Access;
using Contests.Api.Infrastructure;
using Contests.Domain.Registration;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Registration;

public sealed record ReasonForm(string? Reason);

public sealed record BulkApproveForm(IReadOnlyList<Guid>? TeamIds);

public sealed record SkippedTeam(Guid TeamId, string Code, string Message);

public sealed record BulkApproveResult(IReadOnlyList<Guid> Approved, IReadOnlyList<SkippedTeam> Skipped);

/// <summary>The organisers' decisions on a registration (approve, return for changes) and withdrawal by the team or organisers.</summary>
public static class DecideOnTeam
{
    public static Task<Results<Ok<TeamDetails>, ProblemHttpResult>> Approve(
        Guid contestId, Guid teamId, HttpContext httpContext, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken) =>
        Apply(contestId, teamId, TeamAction.Approve, httpContext, session,
            team => new TeamApproved(team.Id, Actor.From(httpContext.User), clock.GetUtcNow()),
            cancellationToken);

    public static async Task<Results<Ok<TeamDetails>, ProblemHttpResult>> Return(
        Guid contestId, Guid teamId, ReasonForm request, HttpContext httpContext, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var reason = Domain.Text.VietnameseText.Clean(request.Reason);
        var violations = new List<RuleViolation>();
        Domain.FieldChecks.RequireText(violations, "reason", reason, maxLength: 1000);
        return violations.Count > 0
            ? Problems.Invalid(violations)
            : await Apply(contestId, teamId, TeamAction.Return, httpContext, session,
                team => new TeamReturned(team.Id, reason, Actor.From(httpContext.User), clock.GetUtcNow()),
            cancellationToken);
    }

    public static Task<Results<Ok<TeamDetails>, ProblemHttpResult>> Withdraw(
        Guid contestId, Guid teamId, ReasonForm request, HttpContext httpContext, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken) =>
        Apply(contestId, teamId, TeamAction.Withdraw, httpContext, session,
            team => new TeamWithdrawn(team.Id, team.ContestId, team.District, team.People,
                Domain.Text.VietnameseText.Clean(request.Reason) is { Length: > 0 } reason ? reason : null, Actor.From(httpContext.User), clock.GetUtcNow()),
            cancellationToken);

    public static async Task<Results<Ok<BulkApproveResult>, ProblemHttpResult>> ApproveMany(
        Guid contestId, BulkApproveForm request, HttpContext httpContext, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var ids = (request.TeamIds ?? []).Distinct().ToList();
        if (ids.Count is 0 or > 10_000)
        {
            return Problems.Invalid([new RuleViolation("teamIds", "team-ids-required")]);
        }

        if (await session.LoadAsync<Contests.Contest>(contestId, cancellationToken) is null)
        {
            return Problems.NotFound("contest-not-found");
        }

        var teams = (await session.LoadManyAsync<Team>(cancellationToken, ids)).Where(team => team.ContestId == contestId).ToDictionary(team => team.Id);
        var approved = new List<Guid>();
        var skipped = new List<SkippedTeam>();
        var now = clock.GetUtcNow();
        foreach (var id in ids)
        {
            var refusal = teams.TryGetValue(id, out var team) ? TeamLifecycle.Refusal(team.Status, TeamAction.Approve) : "team-not-found";
            if (refusal is null)
            {
                // Expecting the version just read: a team changed meanwhile makes the whole batch fail rather than approve unseen details.
                session.Events.Append(id, team!.Version + 1, new TeamApproved(id, Actor.From(httpContext.User), now));
                approved.Add(id);
            }
            else
            {
                skipped.Add(new SkippedTeam(id, refusal, Texts.Get(refusal)));
            }
        }

        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new BulkApproveResult(approved, skipped));
    }

    private static async Task<Results<Ok<TeamDetails>, ProblemHttpResult>> Apply(
        Guid contestId,
        Guid teamId,
        TeamAction action,
        HttpContext httpContext,
        IDocumentSession session,
        Func<Team, object> decide,
        CancellationToken cancellationToken)
    {
        if (!ETags.TryReadExpectedVersion(httpContext, out var expectedVersion, out var refusal))
        {
            return refusal!;
        }

        var (team, accessRefusal) = await TeamAccess.Load(session, httpContext.User, contestId, teamId, cancellationToken);
        if (team is null)
        {
            return accessRefusal!;
        }

        if (TeamLifecycle.Refusal(team.Status, action) is { } lifecycle)
        {
            return Problems.Refused(StatusCodes.Status409Conflict, lifecycle);
        }

        var stream = await session.Events.FetchForWriting<Team>(teamId, expectedVersion, cancellationToken);
        var decided = decide(stream.Aggregate!);
        stream.AppendOne(decided);
        await session.SaveChangesAsync(cancellationToken);

        await using var reader = session.DocumentStore.QuerySession(session.TenantId);
        var updated = (await reader.LoadAsync<Team>(teamId, cancellationToken))!;
        ETags.Write(httpContext, updated.Version);
        return TypedResults.Ok(TeamDetails.From(updated));
    }
}
