using JasperFx.Events.Projections;
using Marten;

namespace Contests.Api.Entries;

public static class EntriesSetup
{
    public static void AddEntries(this StoreOptions store)
    {
        store.Projections.Snapshot<Entry>(SnapshotLifecycle.Inline);
        store.Schema.For<Entry>().Index(entry => entry.RoundId);
    }

    public static IServiceCollection AddEntries(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(EntryFileOptions.Section).Get<EntryFileOptions>() ?? new EntryFileOptions());
        services.AddSingleton<EntryFileStore>();
        return services;
    }
}
