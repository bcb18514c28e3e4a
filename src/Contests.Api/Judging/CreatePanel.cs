using Contests.Api.Access;
using Contests.Api.Infrastructure;
using Contests.Domain.Judging;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Judging;

/// <summary>Organisers create a panel of judges for a judged round: its name, the divisions and fields it judges, its members.</summary>
public static class CreatePanel
{
    public static async Task<Results<Created<PanelView>, ProblemHttpResult>> Handle(
        Guid contestId, Guid roundId, PanelForm request, HttpContext httpContext, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (judged, refusal) = await JudgedRounds.Find(session, contestId, roundId, cancellationToken);
        if (judged is null)
        {
            return refusal!;
        }

        var judges = await Judges.Of(session, contestId, cancellationToken);
        var panelId = Idempotency.NewStreamId(httpContext, $"create-panel/{roundId}");
        if (await session.LoadAsync<Panel>(panelId, cancellationToken) is { } alreadyCreated)
        {
            Idempotency.MarkReplayed(httpContext);
            return Created(httpContext, alreadyCreated, judges);
        }

        var decision = Panels.Decide(judged, panelId, request, await Panels.Of(session, contestId, cancellationToken), judges);
        if (decision.Panel is not { } panel)
        {
            return Panels.Refusal(decision);
        }

        session.Events.StartStream<Panel>(panelId, new PanelCreated(
            panelId, contestId, roundId, panel.Name!, panel.Divisions!, panel.Fields!, panel.Members!, Actor.From(httpContext.User), clock.GetUtcNow()));
        var (saved, _) = await JudgedRounds.Save<Panel>(session, panelId, cancellationToken);
        if (saved is null)
        {
            Idempotency.MarkReplayed(httpContext);
            saved = (await session.LoadAsync<Panel>(panelId, cancellationToken))!;
        }

        return Created(httpContext, saved, judges);
    }

    private static Created<PanelView> Created(HttpContext httpContext, Panel panel, IReadOnlyList<Judge> judges)
    {
        ETags.Write(httpContext, panel.Version);
        return TypedResults.Created(
            $"/api/contests/{panel.ContestId}/rounds/{panel.RoundId}/panels/{panel.Id}", PanelView.From(panel, judges.ToDictionary(judge => judge.Id)));
    }
}
