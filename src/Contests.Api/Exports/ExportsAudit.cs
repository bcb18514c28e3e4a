using Contests.Api.Access;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;

namespace Contests.Api.Exports;

/// <summary>Every export downloaded (which, in what format, for which district) in the organisation's audit log.</summary>
public sealed partial class ExportsAuditProjection : EventProjection
{
    public static AuditEntry Create(IEvent<ExportDownloaded> e) =>
        new(e.Id, e.Data.DownloadedAt, "export-downloaded", e.Data.DownloadedBy.Name, e.Data.DownloadedBy.Role,
            $"{e.Data.Export} ({e.Data.Format}{(e.Data.District is { } district ? $", {district}" : string.Empty)})", null);
}

public static class ExportsStore
{
    public static void AddExports(this StoreOptions store) => store.Projections.Add<ExportsAuditProjection>(ProjectionLifecycle.Inline);
}
