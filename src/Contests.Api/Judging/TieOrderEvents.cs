using Contests.Api.Access;
using Contests.Api.Infrastructure;

namespace Contests.Api.Judging;

/// <summary>
/// The organisers' order for entries of one division that the round's tie-breaks left tied, best first; it replaces any
/// earlier order for the division and applies where the round's rules include OrganiserDecision. Lives in the stream
/// "round-tie-orders/{roundId}" (<see cref="TieOrders.IdFor"/>), recorded by <see cref="DecideTieOrder"/>.
/// </summary>
public sealed record TieOrderDecided(Guid ContestId, Guid RoundId, string Division, IReadOnlyList<Guid> EntryIds, string? Reason, Actor DecidedBy, DateTimeOffset DecidedAt);

public static class TieOrders
{
    public static Guid IdFor(Guid roundId) => StreamIds.For("round-tie-orders", roundId.ToString());
}
