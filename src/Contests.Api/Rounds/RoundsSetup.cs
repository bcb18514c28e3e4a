using JasperFx.Events.Projections;
using Marten;

namespace Contests.Api.Rounds;

public static class RoundsSetup
{
    public static void AddRounds(this StoreOptions store)
    {
        store.Projections.Snapshot<RoundSchedule>(SnapshotLifecycle.Inline);
        store.Projections.Snapshot<RoundAdvancement>(SnapshotLifecycle.Inline);
    }

    public static IServiceCollection AddRounds(this IServiceCollection services) => services.AddSingleton<RoundJobs>();
}
