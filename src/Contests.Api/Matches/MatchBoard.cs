using Contests.Api.Leaderboards;
using Contests.Domain.Leaderboards;
using Marten.Events.Projections;

namespace Contests.Api.Matches;

/// <summary>
/// The public board of a match round: the round's setup and every match's latest version, one document per round
/// (id = the round's id). <see cref="Revision"/> counts the changes (1, 2, 3, …) so screens notice a missed push; it
/// is not named Version because Marten would overwrite that with the global event sequence.
/// </summary>
public sealed record MatchBoard(Guid Id, long Revision, MatchRound Round, IReadOnlyList<Match> Matches) : Marten.Metadata.ITenanted
{
    /// <summary>The board's kind among freezable boards (addresses and freeze events).</summary>
    public const string Kind = "matches";

    /// <summary>While frozen: the round and its matches as they stood at the freeze, and how far the reveal has gone.</summary>
    public FrozenBoard<FrozenMatches>? Freeze { get; init; }

    /// <summary>The organisation the board belongs to, set by Marten; the live push goes to that organisation's group only.</summary>
    public string? TenantId { get; set; }

    public static string Name(Guid contestId, Guid roundId) => $"contest/{contestId}/rounds/{roundId}/matches";

    public string Name() => Name(Round.ContestId, Id);

    /// <summary>The live board, as organisers see it (with the freeze, if any, named).</summary>
    public MatchRoundView View()
    {
        var live = MatchRoundView.From(Round, Matches, Revision);
        return Freeze is { } freeze ? live with { Freeze = new BoardFreezeView(freeze.At, freeze.Revealed, Steps(live)) } : live;
    }

    /// <summary>
    /// The board the public sees: live, or while frozen the board as it stood at the freeze; once the reveal has
    /// begun, the group tables are the live ones with their top rows concealed (never a mix of frozen and live rows).
    /// </summary>
    public MatchRoundView PublicView()
    {
        if (Freeze is not { } freeze)
        {
            return View();
        }

        var live = MatchRoundView.From(Round, Matches, Revision);
        var frozen = MatchRoundView.From(freeze.State.Round, freeze.State.Matches, Revision);
        var groups = freeze.Revealed == 0
            ? frozen.Groups
            : live.Groups.Select(table =>
            {
                var concealed = Reveal.Concealed(table.Rows.Count, freeze.Revealed);
                return table with { Rows = [.. table.Rows.Skip(concealed)], Concealed = concealed };
            }).ToList();
        return frozen with { Groups = groups, Freeze = new BoardFreezeView(freeze.At, freeze.Revealed, Steps(live)) };
    }

    public static int Steps(MatchRoundView live) => Reveal.Steps(live.Groups.Select(table => table.Rows.Count));

    public MatchBoard Frozen(BoardFrozen frozen) =>
        this with { Revision = Revision + 1, Freeze = Freeze ?? new FrozenBoard<FrozenMatches>(frozen.At, new FrozenMatches(Round, Matches), 0) };

    public MatchBoard Advanced(BoardRevealAdvanced advanced) => this with { Revision = Revision + 1, Freeze = Freeze?.Advance(advanced) };

    public MatchBoard Revealed() => this with { Revision = Revision + 1, Freeze = null };

    public MatchBoard With(MatchRound round) => this with { Revision = Revision + 1, Round = round };

    public MatchBoard With(string code, Func<Match?, Match> change)
    {
        var existing = Matches.FirstOrDefault(match => match.Code == code);
        var changed = change(existing);
        changed.Version = (existing?.Version ?? 0) + 1;
        return this with { Revision = Revision + 1, Matches = [.. Matches.Where(match => match.Code != code), changed] };
    }
}

/// <summary>A match round's board as it stood at its freeze.</summary>
public sealed record FrozenMatches(MatchRound Round, IReadOnlyList<Match> Matches);

/// <summary>
/// Runs in the async daemon, one writer taking events in order, like the district board: every result of a round
/// touches the same document. Standings and the bracket are computed from it when it is read or pushed.
/// </summary>
public sealed partial class MatchBoardProjection : MultiStreamProjection<MatchBoard, Guid>
{
    public MatchBoardProjection()
    {
        Identity<MatchGameSet>(set => set.RoundId);
        Identity<MatchTeamsChosen>(chosen => chosen.RoundId);
        Identity<GroupStageDrawn>(drawn => drawn.RoundId);
        Identity<KnockoutDrawn>(drawn => drawn.RoundId);
        Identity<FieldDelayed>(delayed => delayed.RoundId);
        Identity<LotDrawn>(drawn => drawn.RoundId);
        Identity<MatchResultSubmitted>(submitted => submitted.RoundId);
        Identity<MatchResultReturned>(returned => returned.RoundId);
        Identity<MatchResultConfirmed>(confirmed => confirmed.RoundId);
        Identity<MatchResultCorrected>(corrected => corrected.RoundId);
        Identities<BoardFrozen>(frozen => frozen.Kind == MatchBoard.Kind ? [frozen.BoardId] : []);
        Identities<BoardRevealAdvanced>(advanced => advanced.Kind == MatchBoard.Kind ? [advanced.BoardId] : []);
        Identities<BoardRevealed>(revealed => revealed.Kind == MatchBoard.Kind ? [revealed.BoardId] : []);
    }

    /// <summary>
    /// The board rebuilt from its events in order, as the daemon builds it: what "the board as of 16:00" reads.
    /// Events before the round's game was set do not exist; unknown ones are not the board's.
    /// </summary>
    public static MatchBoard? Fold(IEnumerable<object> events) =>
        events.Aggregate((MatchBoard?)null, (board, data) => (data, board) switch
        {
            (MatchGameSet set, null) => Create(set),
            (_, null) => null,
            (MatchGameSet set, { } current) => Apply(set, current),
            (MatchTeamsChosen chosen, { } current) => Apply(chosen, current),
            (GroupStageDrawn drawn, { } current) => Apply(drawn, current),
            (KnockoutDrawn drawn, { } current) => Apply(drawn, current),
            (FieldDelayed delayed, { } current) => Apply(delayed, current),
            (LotDrawn drawn, { } current) => Apply(drawn, current),
            (MatchResultSubmitted submitted, { } current) => Apply(submitted, current),
            (MatchResultReturned returned, { } current) => Apply(returned, current),
            (MatchResultConfirmed confirmed, { } current) => Apply(confirmed, current),
            (MatchResultCorrected corrected, { } current) => Apply(corrected, current),
            (BoardFrozen { Kind: MatchBoard.Kind } frozen, { } current) => Apply(frozen, current),
            (BoardRevealAdvanced { Kind: MatchBoard.Kind } advanced, { } current) => Apply(advanced, current),
            (BoardRevealed { Kind: MatchBoard.Kind } revealed, { } current) => Apply(revealed, current),
            (_, { } current) => current,
        });

    public static MatchBoard Create(MatchGameSet set) => new(set.RoundId, 1, MatchRound.Create(set), []);

    public static MatchBoard Apply(MatchGameSet set, MatchBoard board) => board.With(board.Round.Apply(set));

    public static MatchBoard Apply(MatchTeamsChosen chosen, MatchBoard board) => board.With(board.Round.Apply(chosen));

    public static MatchBoard Apply(GroupStageDrawn drawn, MatchBoard board) => board.With(board.Round.Apply(drawn));

    public static MatchBoard Apply(KnockoutDrawn drawn, MatchBoard board) => board.With(board.Round.Apply(drawn));

    public static MatchBoard Apply(FieldDelayed delayed, MatchBoard board) => board.With(board.Round.Apply(delayed));

    public static MatchBoard Apply(LotDrawn drawn, MatchBoard board) => board.With(board.Round.Apply(drawn));

    public static MatchBoard Apply(MatchResultSubmitted submitted, MatchBoard board) =>
        board.With(submitted.Code, match => match is null ? Match.Create(submitted) : match.Apply(submitted));

    public static MatchBoard Apply(MatchResultReturned returned, MatchBoard board) => board.With(returned.Code, match => match!.Apply(returned));

    public static MatchBoard Apply(MatchResultConfirmed confirmed, MatchBoard board) => board.With(confirmed.Code, match => match!.Apply(confirmed));

    public static MatchBoard Apply(MatchResultCorrected corrected, MatchBoard board) => board.With(corrected.Code, match => match!.Apply(corrected));

    public static MatchBoard Apply(BoardFrozen frozen, MatchBoard board) => board.Frozen(frozen);

    public static MatchBoard Apply(BoardRevealAdvanced advanced, MatchBoard board) => board.Advanced(advanced);

    public static MatchBoard Apply(BoardRevealed revealed, MatchBoard board) => board.Revealed();
}
