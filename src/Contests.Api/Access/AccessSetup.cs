using JasperFx.Events.Projections;
using Marten;

namespace Contests.Api.Access;

public static class AccessSetup
{
    public static void AddAccess(this StoreOptions store)
    {
        store.Projections.Snapshot<OrganiserAccount>(SnapshotLifecycle.Inline);
        store.Projections.Snapshot<SignInCode>(SnapshotLifecycle.Inline);
        store.Projections.Snapshot<UserSession>(SnapshotLifecycle.Inline);
        store.Projections.Snapshot<SignInAttemptsRecord>(SnapshotLifecycle.Inline);
        store.Projections.Add<AuditProjection>(ProjectionLifecycle.Inline);
        // Revoking a code or changing an account ends its sessions: found by these.
        store.Schema.For<UserSession>().Index(session => session.CodeId).Index(session => session.PrincipalId);
        store.Schema.For<AuditEntry>().Index(entry => entry.At);
    }
}
