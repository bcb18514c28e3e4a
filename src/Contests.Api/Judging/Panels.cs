using Contests.Api.Infrastructure;
using Contests.Domain.Judging;
using Contests.Domain.Registration;
using Contests.Domain.Text;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Judging;

/// <summary>A panel as decided: its normalised form, or the rules it breaks (422) or the other panel it clashes with (409).</summary>
public sealed record PanelDecision(PanelForm? Panel, IReadOnlyList<RuleViolation> Violations, string? Conflict);

/// <summary>The panels of a judged round: reading them, and the rules every created or changed panel follows.</summary>
public static class Panels
{
    public static async Task<IReadOnlyList<Panel>> Of(IQuerySession session, Guid contestId, CancellationToken cancellationToken) =>
        await session.Query<Panel>().Where(panel => panel.ContestId == contestId && !panel.Removed).ToListAsync(cancellationToken);

    /// <summary>
    /// Members must be judges of the contest; within a round, panel names are unique and no two panels may both claim
    /// an entry (their scopes must not overlap), so every entry has exactly one panel to be judged by.
    /// </summary>
    public static PanelDecision Decide(JudgedRound judged, Guid panelId, PanelForm form, IReadOnlyList<Panel> contestPanels, IReadOnlyList<Judge> judges)
    {
        var panel = JudgeProfiles.Normalise(form);
        var violations = JudgeProfiles.Check(panel, judged.DivisionCodes, judges.Select(judge => judge.Id).ToHashSet());
        if (violations.Count > 0)
        {
            return new PanelDecision(null, violations, null);
        }

        var others = contestPanels.Where(other => other.RoundId == judged.Round.Id && other.Id != panelId).ToList();
        var scope = new PanelScope(panel.Divisions!, panel.Fields!);
        var conflict = others.Any(other => VietnameseText.SameName(other.Name, panel.Name)) ? JudgeProfiles.PanelNameTaken
            : others.Any(other => other.ScopeOf().Overlaps(scope)) ? JudgeProfiles.PanelScopeOverlaps
            : null;
        return new PanelDecision(conflict is null ? panel : null, [], conflict);
    }

    public static ProblemHttpResult Refusal(PanelDecision decision) =>
        decision.Conflict is { } conflict
            ? Problems.Conflict(conflict, field: conflict == JudgeProfiles.PanelNameTaken ? "name" : "divisions")
            : Problems.Invalid(decision.Violations);

    /// <summary>A panel of this round that has not been removed, or the 404 to answer.</summary>
    public static async Task<(Panel? Panel, ProblemHttpResult? Refusal)> Find(
        IQuerySession session, Guid contestId, Guid roundId, Guid panelId, CancellationToken cancellationToken) =>
        await session.LoadAsync<Panel>(panelId, cancellationToken) is { Removed: false } panel && panel.ContestId == contestId && panel.RoundId == roundId
            ? (panel, null)
            : (null, Problems.NotFound("panel-not-found"));

    public static async Task<Results<Ok<IReadOnlyList<PanelView>>, ProblemHttpResult>> List(
        Guid contestId, Guid roundId, IQuerySession session, CancellationToken cancellationToken)
    {
        var (judged, refusal) = await JudgedRounds.Find(session, contestId, roundId, cancellationToken);
        if (judged is null)
        {
            return refusal!;
        }

        var judges = (await Judges.Of(session, contestId, cancellationToken)).ToDictionary(judge => judge.Id);
        var panels = (await Of(session, contestId, cancellationToken))
            .Where(panel => panel.RoundId == roundId)
            .OrderBy(panel => panel.Name, VietnameseText.Collation)
            .Select(panel => PanelView.From(panel, judges))
            .ToList();
        return TypedResults.Ok<IReadOnlyList<PanelView>>(panels);
    }
}
