using Contests.Api.Access;
using Contests.Api.Infrastructure;
using Contests.Domain.Registration;
using Contests.Domain.Text;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Judging;

/// <summary>The organisers' order for tied entries of a division, best first, with an optional reason.</summary>
public sealed record TieOrderForm(IReadOnlyList<Guid>? EntryIds, string? Reason);

/// <summary>The order recorded for a division; <c>Version</c> is the round's tie-order stream version (its ETag).</summary>
public sealed record TieOrderView(string Division, IReadOnlyList<Guid> EntryIds, long Version);

/// <summary>
/// Organisers record the order of entries the round's tie-breaks left tied. It counts where the round's rules include
/// OrganiserDecision, and only for a group of tied entries that it lists completely (see Ranking).
/// </summary>
public static class DecideTieOrder
{
    public const int MaxEntries = 500;
    public const int MaxReasonLength = 1000;

    /// <summary>The division must be the contest's; the entries, listed once each, must have sheets that count in it.</summary>
    public static (TieOrderDecided? Decided, IReadOnlyList<RuleViolation> Violations) Decide(
        JudgedRound judged, RoundScores scores, string division, TieOrderForm form, Actor actor, DateTimeOffset now)
    {
        var violations = new List<RuleViolation>();
        var code = judged.DivisionCodes.FirstOrDefault(known => string.Equals(known, VietnameseText.Clean(division), StringComparison.OrdinalIgnoreCase));
        if (code is null)
        {
            violations.Add(new RuleViolation("division", RegistrationRule.UnknownDivision));
        }

        var entries = form.EntryIds ?? [];
        var scored = scores.Counted().Where(sheet => string.Equals(sheet.Division, code, StringComparison.OrdinalIgnoreCase)).Select(sheet => sheet.EntryId).ToHashSet();
        violations.AddRange(
            entries.Count == 0 ? [new RuleViolation("entryIds", "tie-order-entries-required")]
            : entries.Count > MaxEntries ? [new RuleViolation("entryIds", "tie-order-too-long", MaxEntries)]
            : entries.Distinct().Count() != entries.Count ? [new RuleViolation("entryIds", "tie-order-entry-repeated")]
            : code is not null && !entries.All(scored.Contains) ? [new RuleViolation("entryIds", "tie-order-entry-unknown")]
            : []);
        var reason = VietnameseText.Clean(form.Reason);
        if (reason.Length > MaxReasonLength)
        {
            violations.Add(new RuleViolation("reason", RegistrationRule.TooLong, MaxReasonLength));
        }

        return violations.Count > 0
            ? (null, violations)
            : (new TieOrderDecided(judged.Contest.Id, judged.Round.Id, code!, entries, reason.Length == 0 ? null : reason, actor, now), []);
    }

    public static async Task<Results<Ok<TieOrderView>, ProblemHttpResult>> Handle(
        Guid contestId, Guid roundId, string division, TieOrderForm request, HttpContext httpContext, IDocumentSession session, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!ETags.TryReadExpectedVersion(httpContext, out var expectedVersion, out var refusal))
        {
            return refusal!;
        }

        var (judged, notJudged) = await JudgedRounds.Find(session, contestId, roundId, cancellationToken);
        if (judged is null)
        {
            return notJudged!;
        }

        var scores = await RoundScores.LoadAsync(session, contestId, roundId, cancellationToken);
        var (decided, violations) = Decide(judged, scores, division, request, Actor.From(httpContext.User), clock.GetUtcNow());
        if (decided is null)
        {
            return Problems.Invalid(violations);
        }

        var streamId = TieOrders.IdFor(roundId);
        if (scores.TieOrderVersion != expectedVersion)
        {
            return Problems.Refused(StatusCodes.Status412PreconditionFailed, "version-stale");
        }

        // The expected version makes a concurrent decision lose at the save (412) rather than overwrite this one unseen.
        session.Events.Append(streamId, expectedVersion + 1, decided);
        await session.SaveChangesAsync(cancellationToken);
        ETags.Write(httpContext, expectedVersion + 1);
        return TypedResults.Ok(new TieOrderView(decided.Division, decided.EntryIds, expectedVersion + 1));
    }
}
