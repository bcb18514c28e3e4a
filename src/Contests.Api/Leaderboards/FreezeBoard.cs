using Contests.Api.Access;
using Contests.Api.Infrastructure;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Leaderboards;

/// <summary>The freeze of a board as organisers see it: the ETag of its stream goes back as If-Match.</summary>
public sealed record BoardFreezeState(string Kind, Guid BoardId, bool Frozen, DateTimeOffset? FrozenAt, int Revealed, int Steps, long Version);

/// <summary>
/// Organisers freeze a public board before the ceremony (the public keeps the board as it stood, organisers keep the
/// live one), then reveal it step by step from the bottom or all at once. Every change is an event on the board's
/// freeze stream, with If-Match; the board's projection applies it and the publisher pushes it to every screen.
/// </summary>
public static class FreezeBoard
{
    public static RouteGroupBuilder MapBoardFreezes(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/contests/{contestId:guid}/boards/{kind}/{boardId:guid}").WithTags("Leaderboards").RequireAuthorization(Policies.Organiser);
        group.MapGet("/freeze", Get)
            .WithName("GetBoardFreeze")
            .WithSummary("Whether a board is frozen, how far its reveal has gone and how many steps it takes (organisers, ETag).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/freeze", Freeze)
            .WithName("FreezeBoard")
            .WithSummary("Freezes the public board: the public sees it as it stands now, organisers keep the live one (If-Match; \"0\" the first time).")
            .ProducesVersionedChangeProblems();
        group.MapPost("/reveal/next", RevealNext)
            .WithName("RevealBoardStep")
            .WithSummary("Reveals one more row of every ranking from the bottom, pushed to every screen; the last step shows the live board (If-Match).")
            .ProducesVersionedChangeProblems();
        group.MapPost("/reveal", RevealAll)
            .WithName("RevealBoard")
            .WithSummary("Reveals the whole board at once: the public sees the live board again (If-Match).")
            .ProducesVersionedChangeProblems();
        return group;
    }

    public static void AddLeaderboards(this StoreOptions store) =>
        store.Projections.Snapshot<BoardFreeze>(SnapshotLifecycle.Inline);

    public static async Task<Results<Ok<BoardFreezeState>, ProblemHttpResult>> Get(
        Guid contestId, string kind, Guid boardId, HttpContext httpContext, IQuerySession session, IEnumerable<IFreezableBoard> boards, CancellationToken cancellationToken)
    {
        var (state, refusal) = await Load(contestId, kind, boardId, session, boards, cancellationToken);
        if (state is null)
        {
            return refusal!;
        }

        ETags.Write(httpContext, state.Version);
        return TypedResults.Ok(state);
    }

    public static Task<Results<Ok<BoardFreezeState>, ProblemHttpResult>> Freeze(
        Guid contestId, string kind, Guid boardId, HttpContext httpContext, IDocumentSession session, IEnumerable<IFreezableBoard> boards, TimeProvider clock, CancellationToken cancellationToken) =>
        Change(contestId, kind, boardId, FreezeCommand.Freeze, httpContext, session, boards, clock, cancellationToken);

    public static Task<Results<Ok<BoardFreezeState>, ProblemHttpResult>> RevealNext(
        Guid contestId, string kind, Guid boardId, HttpContext httpContext, IDocumentSession session, IEnumerable<IFreezableBoard> boards, TimeProvider clock, CancellationToken cancellationToken) =>
        Change(contestId, kind, boardId, FreezeCommand.RevealNext, httpContext, session, boards, clock, cancellationToken);

    public static Task<Results<Ok<BoardFreezeState>, ProblemHttpResult>> RevealAll(
        Guid contestId, string kind, Guid boardId, HttpContext httpContext, IDocumentSession session, IEnumerable<IFreezableBoard> boards, TimeProvider clock, CancellationToken cancellationToken) =>
        Change(contestId, kind, boardId, FreezeCommand.RevealAll, httpContext, session, boards, clock, cancellationToken);

    public enum FreezeCommand
    {
        Freeze,
        RevealNext,
        RevealAll,
    }

    /// <summary>The event a command appends, or the code of its refusal. The last reveal step reveals everything.</summary>
    public static (object? Change, string? Refusal) Decide(BoardFreezeState state, Guid contestId, FreezeCommand command, Actor actor, DateTimeOffset now) =>
        (command, state.Frozen) switch
        {
            (FreezeCommand.Freeze, true) => (null, "board-already-frozen"),
            (FreezeCommand.Freeze, false) => (new BoardFrozen(contestId, state.Kind, state.BoardId, actor, now), null),
            (_, false) => (null, "board-not-frozen"),
            (FreezeCommand.RevealNext, true) when state.Revealed + 1 < state.Steps =>
                (new BoardRevealAdvanced(contestId, state.Kind, state.BoardId, state.Revealed + 1, actor, now), null),
            _ => (new BoardRevealed(contestId, state.Kind, state.BoardId, actor, now), null),
        };

    private static async Task<Results<Ok<BoardFreezeState>, ProblemHttpResult>> Change(
        Guid contestId,
        string kind,
        Guid boardId,
        FreezeCommand command,
        HttpContext httpContext,
        IDocumentSession session,
        IEnumerable<IFreezableBoard> boards,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!ETags.TryReadExpectedVersion(httpContext, out var expectedVersion, out var versionRefusal))
        {
            return versionRefusal!;
        }

        var (state, refusal) = await Load(contestId, kind, boardId, session, boards, cancellationToken);
        if (state is null)
        {
            return refusal!;
        }

        if (state.Version != expectedVersion)
        {
            return Problems.Refused(StatusCodes.Status412PreconditionFailed, "version-stale"); // decided on what the organiser saw, or not at all
        }

        var (change, refused) = Decide(state, contestId, command, Actor.From(httpContext.User), clock.GetUtcNow());
        if (change is null)
        {
            return Problems.Refused(StatusCodes.Status409Conflict, refused!);
        }

        var stream = await session.Events.FetchForWriting<BoardFreeze>(BoardFreeze.StreamFor(state.Kind, boardId), expectedVersion, cancellationToken);
        stream.AppendOne(change);
        await session.SaveChangesAsync(cancellationToken);

        var (changed, _) = await Load(contestId, kind, boardId, session, boards, cancellationToken);
        ETags.Write(httpContext, changed!.Version);
        return TypedResults.Ok(changed);
    }

    private static async Task<(BoardFreezeState? State, ProblemHttpResult? Refusal)> Load(
        Guid contestId, string kind, Guid boardId, IQuerySession session, IEnumerable<IFreezableBoard> boards, CancellationToken cancellationToken)
    {
        if (boards.FirstOrDefault(board => board.Kind == kind) is not { } board
            || await board.RevealSteps(session, contestId, boardId, cancellationToken) is not { } steps)
        {
            return (null, Problems.NotFound("board-not-found"));
        }

        var freeze = await session.LoadAsync<BoardFreeze>(BoardFreeze.StreamFor(board.Kind, boardId), cancellationToken);
        return (new BoardFreezeState(board.Kind, boardId, freeze?.Frozen ?? false, freeze?.FrozenAt, freeze?.Revealed ?? 0, steps, freeze?.Version ?? 0), null);
    }
}
