using Marten.Events.Projections;

namespace Contests.Api.Matches;

/// <summary>
/// The public board of a match round: the round's setup and every match's latest version, one document per round
/// (id = the round's id). <see cref="Revision"/> counts the changes (1, 2, 3, …) so screens notice a missed push; it
/// is not named Version because Marten would overwrite that with the global event sequence.
/// </summary>
public sealed record MatchBoard(Guid Id, long Revision, MatchRound Round, IReadOnlyList<Match> Matches) : Marten.Metadata.ITenanted
{
    /// <summary>The organisation the board belongs to, set by Marten; the live push goes to that organisation's group only.</summary>
    public string? TenantId { get; set; }

    public static string Name(Guid contestId, Guid roundId) => $"contest/{contestId}/rounds/{roundId}/matches";

    public string Name() => Name(Round.ContestId, Id);

    public MatchRoundView View() => MatchRoundView.From(Round, Matches, Revision);

    public MatchBoard With(MatchRound round) => this with { Revision = Revision + 1, Round = round };

    public MatchBoard With(string code, Func<Match?, Match> change)
    {
        var existing = Matches.FirstOrDefault(match => match.Code == code);
        var changed = change(existing);
        changed.Version = (existing?.Version ?? 0) + 1;
        return this with { Revision = Revision + 1, Matches = [.. Matches.Where(match => match.Code != code), changed] };
    }
}

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
}
