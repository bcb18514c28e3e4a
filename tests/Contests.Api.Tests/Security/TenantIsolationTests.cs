using System.Net;
using Contests.Api.Access;
using Contests.Api.Contests;
using Contests.Api.Leaderboards;
using Contests.Api.Registration;
using Contests.Api.Tests.Support;
using Contests.Domain.Registration;
using Marten;
using Marten.Events;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Contests.Api.Tests.Security;

/// <summary>
/// An organiser of organisation B, or anyone at B's address, cannot read, list, change or subscribe to anything of
/// organisation A — by its id, by a guessed id, by A's address, or with A's codes and passwords.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class TenantIsolationTests(AppFixture app) : IAsyncLifetime
{
    private static readonly string[] RecordedOnPurpose = ["password_sign_in_failed", "password_sign_in_locked", "code_sign_in_failed"];
    private SecurityWorld world = null!;
    private SignedInSession organiserOfA = null!;
    private SignedInSession organiserOfB = null!;

    public async Task InitializeAsync()
    {
        world = await SecurityWorld.SharedAsync(app);
        organiserOfA = world.SessionOf(Caller.Organiser)!;
        organiserOfB = world.SessionOf(Caller.OrganiserOfAnotherOrganisation)!;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task lists_show_only_the_callers_own_organisation()
    {
        var contestsOfB = await (await app.Send(HttpMethod.Get, "/api/contests", organiserOfB)).Json<ContestSummary[]>();
        Assert.Equal([world.ContestOfB], contestsOfB.Select(contest => contest.Id));

        var publicAtB = await (await app.Send(HttpMethod.Get, AppFixture.Under(world.OrganisationB, "/api/contests"))).Json<ContestSummary[]>();
        Assert.Equal([world.ContestOfB], publicAtB.Select(contest => contest.Id));
        var publicAtA = await (await app.Send(HttpMethod.Get, "/api/contests")).Json<ContestSummary[]>();
        Assert.DoesNotContain(world.ContestOfB, publicAtA.Select(contest => contest.Id));
        Assert.Contains(world.ContestId, publicAtA.Select(contest => contest.Id));

        var accountsOfB = await (await app.Send(HttpMethod.Get, "/api/access/users", organiserOfB)).Json<AccountView[]>();
        Assert.All(accountsOfB, account => Assert.StartsWith("btc-b-", account.Email, StringComparison.Ordinal));
        var sessionsOfB = await (await app.Send(HttpMethod.Get, "/api/access/sessions", organiserOfB)).Json<SessionView[]>();
        Assert.All(sessionsOfB, session => Assert.Contains(session.PrincipalId, accountsOfB.Select(account => account.Id)));
        await Disjoint<SignInCodeView>("/api/access/sign-in-codes", code => code.Id);
        await Disjoint<AuditEntry>("/api/access/audit?limit=1000", entry => entry.Id);
        await Disjoint<AccountView>("/api/access/users", account => account.Id);
    }

    /// <summary>Both organisations have some of these, and none is in the other's list.</summary>
    private async Task Disjoint<T>(string path, Func<T, Guid> id)
    {
        var ofA = (await (await app.Send(HttpMethod.Get, path, organiserOfA)).Json<T[]>()).Select(id).ToList();
        var ofB = (await (await app.Send(HttpMethod.Get, path, organiserOfB)).Json<T[]>()).Select(id).ToList();

        Assert.NotEmpty(ofA);
        Assert.NotEmpty(ofB);
        Assert.Empty(ofA.Intersect(ofB));
    }

    [Fact]
    public async Task ids_of_another_organisation_are_not_found_whatever_is_asked()
    {
        string[] reads =
        [
            $"/api/contests/{world.ContestId}",
            $"/api/contests/{world.ContestId}/teams",
            $"/api/contests/{world.ContestId}/teams/{world.TeamId}",
            $"/api/contests/{world.ContestId}/teams/{world.TeamId}/history",
            $"/api/contests/{world.ContestId}/teams/summary",
            $"/api/contests/{world.ContestId}/nominations",
            $"/api/contests/{world.ContestId}/districts",
            // B's own contest with A's team: the team is not found in B either.
            $"/api/contests/{world.ContestOfB}/teams/{world.TeamId}",
        ];
        foreach (var path in reads)
        {
            var answer = await app.Send(HttpMethod.Get, path, organiserOfB);
            Assert.True(answer.StatusCode == HttpStatusCode.NotFound, $"{path}: {answer.StatusCode}");
        }
    }

    /// <summary>
    /// Every endpoint of the matrix that addresses something of organisation A, called by B's organiser one at a time:
    /// each answers 404, and no event is written anywhere (failed sign-ins aside, which are recorded on purpose).
    /// </summary>
    [Fact]
    public async Task every_endpoint_aimed_at_another_organisation_is_not_found_and_writes_nothing()
    {
        var failures = new List<string>();
        foreach (var row in AuthorizationMatrix.Rows.Where(row => row.Expected[Caller.OrganiserOfAnotherOrganisation] == Outcome.Hidden))
        {
            var path = await AuthorizationMatrixTests.Resolve(row.Route, world, row.Method);
            var before = await app.EventCount(RecordedOnPurpose);
            var (status, code) = await AuthorizationMatrixTests.Call(app, world, row, Caller.OrganiserOfAnotherOrganisation, path);
            var written = await app.EventCount(RecordedOnPurpose) - before;
            if (status != 404 || written != 0)
            {
                failures.Add($"{row.Key}: {status} {code}, {written} event(s) written");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task changes_aimed_at_another_organisation_are_not_found_and_change_nothing()
    {
        var (contestId, teamId) = await world.FreshTeam();
        var code = await world.FreshCode();
        var account = await world.FreshAccountId();
        var session = await world.FreshSessionId();
        var ifMatch = new Dictionary<string, string> { ["If-Match"] = "\"1\"" };
        (HttpMethod, string, object?)[] changes =
        [
            (HttpMethod.Post, $"/api/contests/{contestId}/teams/{teamId}/approve", null),
            (HttpMethod.Post, $"/api/contests/{contestId}/teams/{teamId}/withdraw", new { reason = "không phải của bạn" }),
            (HttpMethod.Put, $"/api/contests/{contestId}/teams/{teamId}", world.TeamForm()),
            (HttpMethod.Post, $"/api/contests/{contestId}/teams", world.TeamForm()),
            (HttpMethod.Put, $"/api/contests/{contestId}/registration-rules", new { }),
            (HttpMethod.Post, $"/api/contests/{world.ContestId}/imports/{world.ImportId}/commit", new { }),
            (HttpMethod.Delete, $"/api/access/sign-in-codes/{code}", null),
            (HttpMethod.Post, $"/api/access/users/{account}/disable", null),
            (HttpMethod.Delete, $"/api/access/sessions/{session}", null),
        ];
        foreach (var (method, path, body) in changes)
        {
            var answer = await app.Send(method, path, organiserOfB, body, ifMatch);
            Assert.True(answer.StatusCode == HttpStatusCode.NotFound, $"{method} {path}: {answer.StatusCode}");
        }

        var team = await (await app.Send(HttpMethod.Get, $"/api/contests/{contestId}/teams/{teamId}", organiserOfA)).Json<TeamDetails>();
        Assert.Equal((TeamStatus.Submitted, 1L), (team.Status, team.Version));
        Assert.Equal(HttpStatusCode.OK, (await app.Send(HttpMethod.Post, "/api/auth/sign-in-code", body: new { code })).StatusCode);
        var accounts = await (await app.Send(HttpMethod.Get, "/api/access/users", organiserOfA)).Json<AccountView[]>();
        Assert.False(accounts.Single(item => item.Id == account).Disabled);
        var sessions = await (await app.Send(HttpMethod.Get, "/api/access/sessions", organiserOfA)).Json<SessionView[]>();
        Assert.Contains(session, sessions.Select(item => item.Id));
    }

    [Fact]
    public async Task a_session_is_refused_under_another_organisations_address()
    {
        var answer = await app.Send(HttpMethod.Get, AppFixture.Under(world.OrganisationA, "/api/contests"), organiserOfB);

        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        Assert.Equal("other-organisation", await answer.ProblemCode());
        Assert.Equal(HttpStatusCode.OK, (await app.Send(HttpMethod.Get, AppFixture.Under(world.OrganisationB, "/api/contests"), organiserOfB)).StatusCode);
    }

    [Fact]
    public async Task codes_and_passwords_work_only_at_their_own_organisations_address()
    {
        var codeOfA = await world.FreshCode();
        var atB = await app.Send(HttpMethod.Post, AppFixture.Under(world.OrganisationB, "/api/auth/sign-in-code"), body: new { code = codeOfA });
        Assert.Equal(HttpStatusCode.Unauthorized, atB.StatusCode);

        var credentials = await world.FreshCredentials(world.OrganisationA);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Send(HttpMethod.Post, AppFixture.Under(world.OrganisationB, "/api/auth/sign-in"), body: credentials)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Send(HttpMethod.Post, AppFixture.Under(world.OrganisationA, "/api/auth/sign-in-code"), body: new { code = codeOfA })).StatusCode);
    }

    [Fact]
    public async Task the_same_id_in_two_organisations_is_two_different_things()
    {
        // An idempotency key decides the contest's stream id: both organisations get a contest of their own under it.
        var key = new Dictionary<string, string> { ["Idempotency-Key"] = $"cung-khoa-{Guid.NewGuid():N}" };
        var ofA = await (await app.Send(HttpMethod.Post, "/api/contests", organiserOfA, Requests.Contest("Cuộc thi A"), key)).Json<ContestView>();
        var ofB = await (await app.Send(HttpMethod.Post, "/api/contests", organiserOfB, Requests.Contest("Cuộc thi B"), key)).Json<ContestView>();

        Assert.Equal(ofA.Id, ofB.Id);
        Assert.Equal("Cuộc thi A", (await (await app.Send(HttpMethod.Get, $"/api/contests/{ofA.Id}")).Json<ContestView>()).Name);
        Assert.Equal("Cuộc thi B", (await (await app.Send(HttpMethod.Get, $"/api/contests/{ofB.Id}", organiserOfB)).Json<ContestView>()).Name);
        await using var session = app.Store.QuerySession(world.OrganisationB);
        Assert.Equal("Cuộc thi B", (await session.LoadAsync<Contest>(ofB.Id))!.Name);
    }

    [Fact]
    public async Task a_board_subscription_under_another_organisation_receives_nothing_of_this_one()
    {
        await app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var atA = await Subscribe(world.OrganisationA, world.ContestId);
        var atB = await Subscribe(world.OrganisationB, world.ContestId);

        await app.Send(HttpMethod.Post, $"/api/contests/{world.ContestId}/teams", body: world.TeamForm());

        Assert.True(await atA.Arrived.WaitAsync(TimeSpan.FromSeconds(30)), "the board's own organisation got no update");
        await app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, atB.Arrived.CurrentCount);
        await atA.Connection.DisposeAsync();
        await atB.Connection.DisposeAsync();
    }

    [Fact]
    public async Task an_address_of_an_organisation_that_does_not_exist_is_404()
    {
        var answer = await app.Send(HttpMethod.Get, AppFixture.Under("khong-ton-tai", "/api/contests"));

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Equal("organisation-not-found", await answer.ProblemCode());
        Assert.Equal(HttpStatusCode.NotFound, (await app.Send(HttpMethod.Get, "/o/Not_A_Slug/api/contests")).StatusCode);
    }

    private async Task<(HubConnection Connection, SemaphoreSlim Arrived)> Subscribe(string organisation, Guid contestId)
    {
        var arrived = new SemaphoreSlim(0);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Host.Server.BaseAddress, AppFixture.Under(organisation, LiveHub.Path)), options =>
            {
                options.Transports = HttpTransportType.LongPolling;
                options.HttpMessageHandlerFactory = _ => app.Host.Server.CreateHandler();
            })
            .Build();
        connection.On<BoardUpdate<DistrictBoardView>>(LiveHub.BoardUpdated, _ => arrived.Release());
        await connection.StartAsync();
        await connection.InvokeAsync("Subscribe", LiveHub.DistrictBoard(contestId));
        return (connection, arrived);
    }
}
