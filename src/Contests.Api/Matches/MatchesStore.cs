using JasperFx.Events.Projections;
using Marten;

namespace Contests.Api.Matches;

public static class MatchesStore
{
    /// <summary>Round setups and matches are inline snapshots (commands decide on them); the public board is async.</summary>
    public static void AddMatches(this StoreOptions store)
    {
        store.Projections.Snapshot<MatchRound>(SnapshotLifecycle.Inline);
        store.Projections.Snapshot<Match>(SnapshotLifecycle.Inline);
        store.Projections.Add<MatchBoardProjection>(ProjectionLifecycle.Async);
        store.Projections.Add<MatchesAuditProjection>(ProjectionLifecycle.Inline);
        store.Schema.For<Match>().Index(match => match.RoundId);
    }
}
