using System.Net;
using Contests.Api.Access;
using Contests.Api.Contests;
using Contests.Api.Organisations;
using Contests.Api.Tests.Support;

namespace Contests.Api.Tests.Organisations;

/// <summary>A platform administrator adds organising bodies and their first organiser, who then runs their own.</summary>
[Collection(AppCollection.Name)]
public sealed class PlatformTests(AppFixture app)
{
    [Fact]
    public async Task a_new_organisation_gets_its_first_organiser_who_works_at_its_own_address()
    {
        var admin = await app.SignInPlatformAdmin();
        var slug = $"binh-duong-{Guid.NewGuid():N}"[..24];

        var created = await app.Send(HttpMethod.Post, "/api/platform/organisations", admin, new { slug, name = "Liên hiệp các Hội KH&KT tỉnh Bình Dương" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/o/{slug}/", (await created.Json<OrganisationView>()).Address);
        var first = await app.Send(HttpMethod.Post, $"/api/platform/organisations/{slug}/organisers", admin,
            new { email = "btc@binhduong.example", displayName = "Ban Tổ chức Bình Dương", password = "mật khẩu Bình Dương" });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        var organiser = await app.SignInWithPassword(slug, "btc@binhduong.example", "mật khẩu Bình Dương");
        var me = await (await app.Send(HttpMethod.Get, "/api/auth/me", organiser)).Json<CurrentUser>();
        Assert.Equal((Roles.Organiser, slug), (me.Role, me.Organisation));
        var contest = await (await app.Send(HttpMethod.Post, "/api/contests", organiser, Requests.Contest("Robocon Bình Dương 2025"))).Json<ContestView>();
        var atItsAddress = await (await app.Send(HttpMethod.Get, AppFixture.Under(slug, "/api/contests"))).Json<ContestSummary[]>();
        Assert.Equal([contest.Id], atItsAddress.Select(item => item.Id));
        Assert.DoesNotContain(contest.Id, (await (await app.Send(HttpMethod.Get, "/api/contests")).Json<ContestSummary[]>()).Select(item => item.Id));

        var organisations = await (await app.Send(HttpMethod.Get, "/api/platform/organisations", admin)).Json<OrganisationView[]>();
        Assert.Contains(organisations, item => item.Slug == slug);
        Assert.Contains(organisations, item => item.Slug == app.Organisation);
        var audit = await (await app.Send(HttpMethod.Get, "/api/platform/audit", admin)).Json<AuditEntry[]>();
        Assert.Contains(audit, entry => entry is { Action: "organisation-created", ActorRole: Roles.PlatformAdmin } && entry.Subject!.StartsWith(slug, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Bình Dương", "slug-format")]
    [InlineData("platform", "slug-reserved")]
    [InlineData("", "required")]
    public async Task a_slug_that_cannot_be_an_address_is_refused(string slug, string rule)
    {
        var admin = await app.SignInPlatformAdmin();

        var answer = await app.Send(HttpMethod.Post, "/api/platform/organisations", admin, new { slug, name = "Tổ chức thử" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.StatusCode);
        Assert.Equal([rule], (await answer.Json<ProblemBody>()).Rules!["slug"]);
    }

    [Fact]
    public async Task an_organisation_is_created_once_and_an_organiser_only_for_an_organisation_that_exists()
    {
        var admin = await app.SignInPlatformAdmin();
        var slug = await app.CreateOrganisation("ton-tai");

        var again = await app.Send(HttpMethod.Post, "/api/platform/organisations", admin, new { slug, name = "Lần hai" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var nowhere = await app.Send(HttpMethod.Post, "/api/platform/organisations/khong-co-dau/organisers", admin,
            new { email = "ai@nowhere.example", displayName = "Không ai", password = "mật khẩu dài đủ" });
        Assert.Equal(HttpStatusCode.NotFound, nowhere.StatusCode);
    }

    [Fact]
    public async Task the_default_organisation_exists_from_the_first_start_and_answers_at_its_address()
    {
        var plain = await (await app.Send(HttpMethod.Get, "/api/contests")).Json<ContestSummary[]>();
        var prefixed = await (await app.Send(HttpMethod.Get, AppFixture.Under(app.Organisation, "/api/contests"))).Json<ContestSummary[]>();

        Assert.Equal(plain.Select(item => item.Id).Order(), prefixed.Select(item => item.Id).Order());
        Assert.Equal(app.Organisation, (await (await app.Send(HttpMethod.Get, "/api/auth/me")).Json<CurrentUser>()).Organisation);
    }
}
