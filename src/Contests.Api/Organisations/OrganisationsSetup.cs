using JasperFx.MultiTenancy;
using JasperFx.Events.Projections;
using Marten;

namespace Contests.Api.Organisations;

public static class OrganisationsSetup
{
    /// <summary>
    /// Every document and every event stream belongs to one organisation (Marten's conjoined tenancy: a tenant id column
    /// in every table, part of every key and every query). Sessions must name their tenant: Marten's default tenant is
    /// switched off, so code that forgets fails loudly instead of reading or writing a tenant nobody owns.
    /// </summary>
    public static void AddOrganisations(this StoreOptions store)
    {
        store.Policies.AllDocumentsAreMultiTenanted();
        store.Events.TenancyStyle = TenancyStyle.Conjoined;
        store.Advanced.DefaultTenantUsageEnabled = false;
        store.Projections.Snapshot<Organisation>(SnapshotLifecycle.Inline);
    }
}
