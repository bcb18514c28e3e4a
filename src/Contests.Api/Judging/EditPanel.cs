using Contests.Api.Access;
using Contests.Api.Infrastructure;
using Contests.Domain.Judging;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Judging;

/// <summary>Organisers rename a panel, change what it judges or who sits on it (If-Match), or remove it.</summary>
public static class EditPanel
{
    public static async Task<Results<Ok<PanelView>, ProblemHttpResult>> Handle(
        Guid contestId, Guid roundId, Guid panelId, PanelForm request, HttpContext httpContext, IDocumentSession session, TimeProvider clock,
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

        var (existing, notFound) = await Panels.Find(session, contestId, roundId, panelId, cancellationToken);
        if (existing is null)
        {
            return notFound!;
        }

        var judges = await Judges.Of(session, contestId, cancellationToken);
        var decision = Panels.Decide(judged, panelId, request, await Panels.Of(session, contestId, cancellationToken), judges);
        if (decision.Panel is not { } panel)
        {
            return Panels.Refusal(decision);
        }

        var stream = await session.Events.FetchForWriting<Panel>(panelId, expectedVersion, cancellationToken);
        stream.AppendOne(new PanelChanged(
            panelId, contestId, roundId, panel.Name!, panel.Divisions!, panel.Fields!, panel.Members!, Actor.From(httpContext.User), clock.GetUtcNow()));
        var (saved, _) = await JudgedRounds.Save<Panel>(session, panelId, cancellationToken);
        ETags.Write(httpContext, saved!.Version);
        return TypedResults.Ok(PanelView.From(saved, judges.ToDictionary(judge => judge.Id)));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Remove(
        Guid contestId, Guid roundId, Guid panelId, HttpContext httpContext, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!ETags.TryReadExpectedVersion(httpContext, out var expectedVersion, out var refusal))
        {
            return refusal!;
        }

        var (panel, notFound) = await Panels.Find(session, contestId, roundId, panelId, cancellationToken);
        if (panel is null)
        {
            return notFound!;
        }

        var stream = await session.Events.FetchForWriting<Panel>(panelId, expectedVersion, cancellationToken);
        stream.AppendOne(new PanelRemoved(panelId, contestId, roundId, Actor.From(httpContext.User), clock.GetUtcNow()));
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
