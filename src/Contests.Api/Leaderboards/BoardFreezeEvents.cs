using Contests.Api.Access;

namespace Contests.Api.Leaderboards;

// A freeze belongs to one board, named by its kind ("matches", …) and id (the round's). The board's own projection
// reads these events too, so the frozen state is exactly the board as the events before the freeze left it.

public sealed record BoardFrozen(Guid ContestId, string Kind, Guid BoardId, Actor By, DateTimeOffset At);

/// <summary>One more step of the ceremony reveal: <c>Revealed</c> rows of every ranking are now shown, from the bottom.</summary>
public sealed record BoardRevealAdvanced(Guid ContestId, string Kind, Guid BoardId, int Revealed, Actor By, DateTimeOffset At);

/// <summary>Everything is shown: the public board is live again.</summary>
public sealed record BoardRevealed(Guid ContestId, string Kind, Guid BoardId, Actor By, DateTimeOffset At);

/// <summary>The freeze of a board as commands decide on it (an inline snapshot; its version is the ETag).</summary>
public sealed record BoardFreeze(Guid Id, Guid ContestId, string Kind, Guid BoardId, bool Frozen, DateTimeOffset? FrozenAt, int Revealed)
{
    public long Version { get; set; }

    public static Guid StreamFor(string kind, Guid boardId) => Infrastructure.StreamIds.For("board-freeze", $"{kind}/{boardId}");

    public static BoardFreeze Create(BoardFrozen frozen) =>
        new(StreamFor(frozen.Kind, frozen.BoardId), frozen.ContestId, frozen.Kind, frozen.BoardId, true, frozen.At, 0);

    public BoardFreeze Apply(BoardFrozen frozen) => this with { Frozen = true, FrozenAt = frozen.At, Revealed = 0 };

    public BoardFreeze Apply(BoardRevealAdvanced advanced) => this with { Revealed = advanced.Revealed };

    public BoardFreeze Apply(BoardRevealed revealed) => this with { Frozen = false, Revealed = 0 };
}

/// <summary>
/// A board's state at its freeze and how far the reveal has gone; a board document carries one while frozen.
/// </summary>
public sealed record FrozenBoard<TState>(DateTimeOffset At, TState State, int Revealed)
{
    public FrozenBoard<TState> Advance(BoardRevealAdvanced advanced) => this with { Revealed = advanced.Revealed };
}

/// <summary>What screens are told of a freeze: since when, how many rows are revealed, of how many steps.</summary>
public sealed record BoardFreezeView(DateTimeOffset At, int Revealed, int Steps);

/// <summary>
/// A board that organisers may freeze: the match board today, a judged round's ranking tomorrow. Implementing it is
/// all a board needs besides reading the three freeze events in its projection (for its own kind only) and
/// concealing rows with <see cref="Domain.Leaderboards.Reveal"/> in its public view.
/// </summary>
public interface IFreezableBoard
{
    /// <summary>The board kind in addresses and events, e.g. "matches".</summary>
    string Kind { get; }

    /// <summary>How many reveal steps the board takes now (its longest ranking), or null when the contest has no such board.</summary>
    Task<int?> RevealSteps(Marten.IQuerySession session, Guid contestId, Guid boardId, CancellationToken cancellationToken);
}
