using System.Buffers.Binary;
using Contests.Api.Access;
using Contests.Api.Entries;
using Contests.Api.Infrastructure;
using Contests.Domain.Judging;
using Contests.Domain.Registration;
using Contests.Domain.Text;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Judging;

public sealed record AssignJudgesRequest(int? Seed);

public sealed record AssignmentChangeRequest(Guid? JudgeId, string? Reason);

/// <summary>
/// Organisers assign judges to a round's judged entries: a plan from <see cref="JudgeAssignment.Plan"/> (each entry to K
/// judges of its panel, conflicts of interest kept apart, loads balanced, the seed deciding the rest), then hand
/// adjustments. A new plan keeps the hand additions and every assignment a judge has already started scoring, and does
/// not make again a pair an organiser removed by hand.
/// A hand addition that would break a rule (conflict of interest, judge outside the entry's panel) is refused outright:
/// the fix is to correct the judge's affiliations or panel, which every later plan then follows too.
/// </summary>
public static class AssignJudges
{
    public static async Task<Results<Ok<RoundAssignmentsView>, StatusCodeHttpResult, ProblemHttpResult>> Get(
        Guid contestId, Guid roundId, HttpContext httpContext, IQuerySession session, CancellationToken cancellationToken)
    {
        var (judged, refusal) = await JudgedRounds.Find(session, contestId, roundId, cancellationToken);
        if (judged is null)
        {
            return refusal!;
        }

        var assignments = await Load(session, judged, cancellationToken);
        if (ETags.Matches(httpContext, assignments.Version))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return await Answer(httpContext, session, judged, assignments, null, cancellationToken);
    }

    public static async Task<Results<Ok<RoundAssignmentsView>, StatusCodeHttpResult, ProblemHttpResult>> Plan(
        Guid contestId, Guid roundId, AssignJudgesRequest? request, HttpContext httpContext, IDocumentSession session, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!ETags.TryReadExpectedVersion(httpContext, out var expectedVersion, out var noVersion))
        {
            return noVersion!;
        }

        var (judged, refusal) = await JudgedRounds.Find(session, contestId, roundId, cancellationToken);
        if (judged is null)
        {
            return refusal!;
        }

        var current = await Load(session, judged, cancellationToken);
        if (current.Version != expectedVersion)
        {
            return Problems.Refused(StatusCodes.Status412PreconditionFailed, "version-stale");
        }

        var (assigned, dropped) = await Decide(session, judged, current, request?.Seed, Actor.From(httpContext.User), clock.GetUtcNow(), cancellationToken);
        return await Save(httpContext, session, judged, current, assigned, dropped, cancellationToken);
    }

    /// <summary>The plan for the round's judged entries and panels as they stand, keeping hand additions and started sheets, leaving out hand removals.</summary>
    public static async Task<(JudgesAssigned Assigned, IReadOnlyList<DroppedAssignment> Dropped)> Decide(
        IQuerySession session, JudgedRound judged, RoundAssignments current, int? seed, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (contestId, roundId) = (judged.Contest.Id, judged.Round.Id);
        var entries = await JudgedEntries.List(session, judged.Contest, judged.Round, cancellationToken);
        var panels = (await Panels.Of(session, contestId, cancellationToken)).Where(panel => panel.RoundId == roundId).ToList();
        var judges = await Judges.Of(session, contestId, cancellationToken);
        var started = await session.Query<JudgeSheet>().Where(sheet => sheet.RoundId == roundId).Select(sheet => new { sheet.EntryId, sheet.JudgeId }).ToListAsync(cancellationToken);
        var keep = current.AddedByHand.Select(kept => new Assignment(kept.EntryId, kept.JudgeId))
            .Concat(started.Where(sheet => !current.RemovedByHand.Any(removed => removed.EntryId == sheet.EntryId && removed.JudgeId == sheet.JudgeId))
                .Select(sheet => new Assignment(sheet.EntryId, sheet.JudgeId)))
            .Distinct()
            .ToList();
        var settings = (await JudgedRounds.JudgingOf(session, judged, cancellationToken)).Settings;
        var chosenSeed = seed ?? DefaultSeed(roundId);
        var plan = JudgeAssignment.Plan(
            entries.Select(entry => new EntryToAssign(entry.EntryId, PanelOf(panels, entry)?.Id.ToString() ?? string.Empty, entry.School, entry.District)).ToList(),
            judges.Select(judge => new JudgeToAssign(
                judge.Id, panels.Where(panel => panel.Members.Contains(judge.Id)).Select(panel => panel.Id.ToString()).ToList(), judge.Affiliations)).ToList(),
            settings.JudgesPerEntry,
            chosenSeed,
            keep,
            current.RemovedByHand.Select(removed => new Assignment(removed.EntryId, removed.JudgeId)).ToList());
        var teams = entries.ToDictionary(entry => entry.EntryId, entry => entry.TeamId);
        var assigned = new JudgesAssigned(
            contestId, roundId, chosenSeed, plan.Assignments.Select(assignment => new AssignedEntry(assignment.EntryId, teams[assignment.EntryId], assignment.JudgeId)).ToList(),
            plan.Shortfalls, actor, now);
        return (assigned, plan.Dropped);
    }

    /// <summary>Gives one more entry to one judge by hand (If-Match with the assignments' version).</summary>
    public static async Task<Results<Ok<RoundAssignmentsView>, StatusCodeHttpResult, ProblemHttpResult>> Add(
        Guid contestId, Guid roundId, Guid entryId, AssignmentChangeRequest request, HttpContext httpContext, IDocumentSession session, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (judged, current, refusal) = await ForChange(httpContext, session, contestId, roundId, cancellationToken);
        if (judged is null)
        {
            return refusal!;
        }

        if (request.JudgeId is not { } judgeId || await session.LoadAsync<Judge>(judgeId, cancellationToken) is not { Removed: false } judge || judge.ContestId != contestId)
        {
            return Problems.Invalid([new RuleViolation("judgeId", JudgeProfiles.UnknownJudge)]);
        }

        var entry = (await JudgedEntries.List(session, judged.Contest, judged.Round, cancellationToken)).FirstOrDefault(item => item.EntryId == entryId);
        if (entry is null)
        {
            return Problems.NotFound("entry-not-judged");
        }

        if (current!.Find(entryId, judgeId) is not null)
        {
            return Problems.Refused(StatusCodes.Status409Conflict, "already-assigned");
        }

        if (ConflictsOfInterest.Between(judge.Id, judge.Affiliations, entry.School, entry.District) is [var conflict, ..])
        {
            return Problems.Refused(StatusCodes.Status409Conflict, "assignment-conflict-of-interest", conflict.Affiliation);
        }

        var panels = (await Panels.Of(session, contestId, cancellationToken)).Where(panel => panel.RoundId == roundId).ToList();
        if (PanelOf(panels, entry) is not { } panel || !panel.Members.Contains(judgeId))
        {
            return Problems.Refused(StatusCodes.Status409Conflict, "judge-not-in-entry-panel");
        }

        var added = new JudgeAssignmentAdded(
            contestId, roundId, new AssignedEntry(entryId, entry.TeamId, judgeId), Reason(request), Actor.From(httpContext.User), clock.GetUtcNow());
        return await Save(httpContext, session, judged, current, added, null, cancellationToken);
    }

    /// <summary>Relieves one judge of one entry by hand (If-Match). A sheet they already saved stays in its stream.</summary>
    public static async Task<Results<Ok<RoundAssignmentsView>, StatusCodeHttpResult, ProblemHttpResult>> Remove(
        Guid contestId, Guid roundId, Guid entryId, Guid judgeId, string? reason, HttpContext httpContext, IDocumentSession session, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (judged, current, refusal) = await ForChange(httpContext, session, contestId, roundId, cancellationToken);
        if (judged is null)
        {
            return refusal!;
        }

        if (current!.Find(entryId, judgeId) is not { } assignment)
        {
            return Problems.NotFound("assignment-not-found");
        }

        var removed = new JudgeAssignmentRemoved(contestId, roundId, assignment, Reason(new AssignmentChangeRequest(null, reason)), Actor.From(httpContext.User), clock.GetUtcNow());
        return await Save(httpContext, session, judged, current, removed, null, cancellationToken);
    }

    /// <summary>The panel whose scope takes the entry: its division (all when none listed) and its field (any when none listed).</summary>
    public static Panel? PanelOf(IReadOnlyList<Panel> panels, JudgedEntry entry) =>
        panels.FirstOrDefault(panel =>
            (panel.Divisions.Count == 0 || panel.Divisions.Contains(entry.DivisionCode, StringComparer.OrdinalIgnoreCase)) &&
            (panel.Fields.Count == 0 || panel.Fields.Any(field => VietnameseText.SameName(field, entry.Content.Field))));

    /// <summary>Without a seed the round's own id gives one: the same round plans the same way until someone asks otherwise.</summary>
    private static int DefaultSeed(Guid roundId) => BinaryPrimitives.ReadInt32LittleEndian(roundId.ToByteArray()) & int.MaxValue;

    private static string? Reason(AssignmentChangeRequest request) => VietnameseText.Clean(request.Reason) is { Length: > 0 } reason ? reason : null;

    private static async Task<RoundAssignments> Load(IQuerySession session, JudgedRound judged, CancellationToken cancellationToken) =>
        await session.LoadAsync<RoundAssignments>(RoundAssignments.IdFor(judged.Round.Id), cancellationToken)
        ?? RoundAssignments.Unset(judged.Contest.Id, judged.Round.Id);

    private static async Task<(JudgedRound? Judged, RoundAssignments? Current, ProblemHttpResult? Refusal)> ForChange(
        HttpContext httpContext, IQuerySession session, Guid contestId, Guid roundId, CancellationToken cancellationToken)
    {
        if (!ETags.TryReadExpectedVersion(httpContext, out var expectedVersion, out var noVersion))
        {
            return (null, null, noVersion);
        }

        var (judged, refusal) = await JudgedRounds.Find(session, contestId, roundId, cancellationToken);
        if (judged is null)
        {
            return (null, null, refusal);
        }

        var current = await Load(session, judged, cancellationToken);
        return current.Version == expectedVersion
            ? (judged, current, null)
            : (null, null, Problems.Refused(StatusCodes.Status412PreconditionFailed, "version-stale"));
    }

    private static async Task<Results<Ok<RoundAssignmentsView>, StatusCodeHttpResult, ProblemHttpResult>> Save(
        HttpContext httpContext, IDocumentSession session, JudgedRound judged, RoundAssignments current, object change,
        IReadOnlyList<DroppedAssignment>? dropped, CancellationToken cancellationToken)
    {
        var streamId = RoundAssignments.IdFor(judged.Round.Id);
        if (current.Version == 0)
        {
            session.Events.StartStream<RoundAssignments>(streamId, change);
        }
        else
        {
            session.Events.Append(streamId, current.Version + 1, change);
        }

        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is Marten.Exceptions.ExistingStreamIdCollisionException or JasperFx.ConcurrencyException)
        {
            return Problems.Refused(StatusCodes.Status412PreconditionFailed, "version-stale");
        }

        var saved = (await session.LoadAsync<RoundAssignments>(streamId, cancellationToken))!;
        return await Answer(httpContext, session, judged, saved, dropped, cancellationToken);
    }

    private static async Task<Results<Ok<RoundAssignmentsView>, StatusCodeHttpResult, ProblemHttpResult>> Answer(
        HttpContext httpContext, IQuerySession session, JudgedRound judged, RoundAssignments assignments, IReadOnlyList<DroppedAssignment>? dropped,
        CancellationToken cancellationToken)
    {
        var settings = (await JudgedRounds.JudgingOf(session, judged, cancellationToken)).Settings;
        ETags.Write(httpContext, assignments.Version);
        return TypedResults.Ok(RoundAssignmentsView.From(assignments, settings.JudgesPerEntry, await Judges.Of(session, judged.Contest.Id, cancellationToken), dropped));
    }
}
