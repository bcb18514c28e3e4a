using Alba;
using Contests.Api.Access;
using Contests.Api.Registration;
using Contests.Api.Tests.Support;
using Contests.Domain;
using Contests.Domain.Registration;

namespace Contests.Api.Tests.Registration;

/// <summary>A registered team uses its portal code to see and edit its registration; organisers decide on it.</summary>
[Collection(AppCollection.Name)]
public sealed class TeamPortalTests(AppFixture app)
{
    private async Task<(Guid ContestId, TeamRegistration Registration, SignedInSession Team)> RegisteredTeam(string name)
    {
        var contest = await app.CreateContest();
        var result = await app.Host.Scenario(scenario =>
        {
            scenario.Post.Json(Requests.Team(name)).ToUrl($"/api/contests/{contest.Id}/teams");
            scenario.StatusCodeShouldBe(201);
        });
        var registration = (await result.ReadAsJsonAsync<TeamRegistration>())!;
        return (contest.Id, registration, await app.SignInWithCode(registration.PortalCode));
    }

    private Task<IScenarioResult> Send(
        HttpMethod method, string url, object? body, SignedInSession session, long? version, int expectedStatus) =>
        app.Change(method, url, body, Task.FromResult(session), version is null ? null : $"\"{version}\"", expectedStatus);

    [Fact]
    public async Task registration_answers_with_a_portal_link_that_signs_the_team_in_to_its_own_details()
    {
        var (contestId, registration, team) = await RegisteredTeam("Đội Có Cổng");
        Assert.EndsWith($"/o/{app.Organisation}/team/?contest={contestId}#code={registration.PortalCode}", registration.PortalUrl, StringComparison.Ordinal);

        var result = await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url($"/api/contests/{contestId}/teams/{registration.Team.Id}");
            team.Apply(scenario);
            scenario.Header("ETag").SingleValueShouldEqual("\"1\"");
        });

        var details = (await result.ReadAsJsonAsync<TeamDetails>())!;
        Assert.Equal(TeamStatus.Submitted, details.Status);
        Assert.Equal("Nguyễn Văn An", details.Details.Members![0].FullName);
    }

    [Fact]
    public async Task another_team_cannot_see_or_edit_a_team_and_the_public_cannot_either()
    {
        var (contestId, registration, _) = await RegisteredTeam("Đội Riêng");
        var (_, _, stranger) = await RegisteredTeam("Đội Tò Mò");
        var url = $"/api/contests/{contestId}/teams/{registration.Team.Id}";

        await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url(url);
            stranger.Apply(scenario);
            scenario.StatusCodeShouldBe(403);
        });
        await Send(HttpMethod.Put, url, Requests.Team("Đội Bị Sửa"), stranger, 1, 403);
        await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url(url);
            scenario.StatusCodeShouldBe(401);
        });
    }

    [Fact]
    public async Task a_team_edits_its_registration_with_if_match_and_a_second_stale_edit_is_412()
    {
        var (contestId, registration, team) = await RegisteredTeam("Đội Sửa Tên");
        var url = $"/api/contests/{contestId}/teams/{registration.Team.Id}";

        var edited = await Send(HttpMethod.Put, url, Requests.Team("Đội Đã Sửa Tên", district: "Lục Ngạn"), team, 1, 200);
        Assert.Equal("\"2\"", edited.Context.Response.Headers.ETag.ToString());
        Assert.Equal("Đội Đã Sửa Tên", (await edited.ReadAsJsonAsync<TeamDetails>())!.Details.Name);

        await Send(HttpMethod.Put, url, Requests.Team("Đội Sửa Lần Hai"), team, 1, 412);
        await Send(HttpMethod.Put, url, Requests.Team("Đội Không Phiên Bản"), team, null, 428);
    }

    [Fact]
    public async Task an_edit_moves_the_team_on_the_district_board()
    {
        var (contestId, registration, team) = await RegisteredTeam("Đội Chuyển Huyện");
        await Send(HttpMethod.Put, $"/api/contests/{contestId}/teams/{registration.Team.Id}", Requests.Team("Đội Chuyển Huyện", district: "Sơn Động"), team, 1, 200);
        await Marten.Events.TestingExtensions.WaitForNonStaleProjectionDataAsync(app.Store, TimeSpan.FromSeconds(30));

        var board = (await app.Host.GetAsJson<DistrictBoardView>($"/api/contests/{contestId}/districts"))!;
        Assert.Equal(0, board.Districts.Single(tally => tally.District == "Việt Yên").Teams);
        Assert.Equal(1, board.Districts.Single(tally => tally.District == "Sơn Động").Teams);
    }

    [Fact]
    public async Task a_team_cannot_edit_after_registration_closes_but_an_organiser_can()
    {
        var (contestId, registration, team) = await RegisteredTeam("Đội Hết Giờ");
        var organiser = await app.SessionFor(Roles.Organiser);
        var local = VietnamTime.ToLocal(app.Clock.GetUtcNow());
        await Send(HttpMethod.Put, $"/api/contests/{contestId}/registration-rules",
            new { opensAt = local.AddDays(-1), closesAt = local.AddSeconds(1) }, organiser, 1, 200);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var url = $"/api/contests/{contestId}/teams/{registration.Team.Id}";

        var refused = await Send(HttpMethod.Put, url, Requests.Team("Đội Trễ Hạn"), team, 1, 409);
        Assert.Equal("registration-closed", (await refused.ReadAsJsonAsync<ProblemBody>())!.Code);
        await Send(HttpMethod.Put, url, Requests.Team("Đội Ban Tổ Chức Sửa"), organiser, 1, 200);
    }

    [Fact]
    public async Task organisers_return_a_team_with_a_reason_the_team_fixes_it_and_it_is_approved()
    {
        var (contestId, registration, team) = await RegisteredTeam("Đội Thiếu Hồ Sơ");
        var organiser = await app.SessionFor(Roles.Organiser);
        var url = $"/api/contests/{contestId}/teams/{registration.Team.Id}";

        await Send(HttpMethod.Post, $"{url}/return", new { reason = "" }, organiser, 1, 422);
        var returned = await Send(HttpMethod.Post, $"{url}/return", new { reason = "Thiếu ngày sinh của thành viên" }, organiser, 1, 200);
        Assert.Equal(("Thiếu ngày sinh của thành viên", TeamStatus.Returned),
            ((await returned.ReadAsJsonAsync<TeamDetails>())!.ReturnReason, (await returned.ReadAsJsonAsync<TeamDetails>())!.Status));

        await Send(HttpMethod.Post, $"{url}/approve", null, team, 2, 403);
        await Send(HttpMethod.Put, url, Requests.Team("Đội Thiếu Hồ Sơ"), team, 2, 200);
        var approved = await Send(HttpMethod.Post, $"{url}/approve", null, organiser, 3, 200);
        Assert.Equal(TeamStatus.Approved, (await approved.ReadAsJsonAsync<TeamDetails>())!.Status);
        await Send(HttpMethod.Post, $"{url}/approve", null, organiser, 4, 409);
    }

    [Fact]
    public async Task a_withdrawn_team_leaves_the_board_and_can_no_longer_change()
    {
        var (contestId, registration, team) = await RegisteredTeam("Đội Rút Lui");
        var url = $"/api/contests/{contestId}/teams/{registration.Team.Id}";

        await Send(HttpMethod.Post, $"{url}/withdraw", new { reason = "Thành viên ốm" }, team, 1, 200);
        var refused = await Send(HttpMethod.Put, url, Requests.Team("Đội Quay Lại"), team, 2, 409);
        Assert.Equal("team-withdrawn", (await refused.ReadAsJsonAsync<ProblemBody>())!.Code);

        await Marten.Events.TestingExtensions.WaitForNonStaleProjectionDataAsync(app.Store, TimeSpan.FromSeconds(30));
        var board = (await app.Host.GetAsJson<DistrictBoardView>($"/api/contests/{contestId}/districts"))!;
        Assert.Equal(0, board.TotalTeams);
    }

    [Fact]
    public async Task organisers_approve_in_bulk_and_are_told_which_teams_were_skipped()
    {
        var contest = await app.CreateContest();
        var ids = new List<Guid>();
        foreach (var name in new[] { "Đội Một Lô", "Đội Hai Lô", "Đội Ba Lô" })
        {
            var result = await app.Host.Scenario(scenario =>
            {
                scenario.Post.Json(Requests.Team(name)).ToUrl($"/api/contests/{contest.Id}/teams");
                scenario.StatusCodeShouldBe(201);
            });
            ids.Add((await result.ReadAsJsonAsync<TeamRegistration>())!.Team.Id);
        }

        var organiser = await app.SessionFor(Roles.Organiser);
        await Send(HttpMethod.Post, $"/api/contests/{contest.Id}/teams/{ids[0]}/approve", null, organiser, 1, 200);
        var unknown = Guid.NewGuid();

        var bulk = await Send(HttpMethod.Post, $"/api/contests/{contest.Id}/teams/approve", new { teamIds = ids.Append(unknown) }, organiser, null, 200);

        var outcome = (await bulk.ReadAsJsonAsync<BulkApproveResult>())!;
        Assert.Equal(ids.Skip(1), outcome.Approved);
        Assert.Equal([(ids[0], "team-not-awaiting-decision"), (unknown, "team-not-found")], outcome.Skipped.Select(skip => (skip.TeamId, skip.Code)));
        await Send(HttpMethod.Post, $"/api/contests/{contest.Id}/teams/approve", new { teamIds = ids }, await app.SessionFor(Roles.Judge), null, 403);
    }

    [Fact]
    public async Task the_history_tells_what_happened_to_a_team_and_by_whom()
    {
        var (contestId, registration, team) = await RegisteredTeam("Đội Có Lịch Sử");
        var url = $"/api/contests/{contestId}/teams/{registration.Team.Id}";
        await Send(HttpMethod.Put, url, Requests.Team("Đội Có Lịch Sử Mới"), team, 1, 200);
        await Send(HttpMethod.Post, $"{url}/approve", null, await app.SessionFor(Roles.Organiser), 2, 200);

        var result = await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url($"{url}/history");
            team.Apply(scenario);
        });
        var history = (await result.ReadAsJsonAsync<List<TeamHistoryEntry>>())!;

        Assert.Equal(["team_registered", "team_details_changed", "team_approved"], history.Select(entry => entry.Event));
        Assert.Contains("\"Role\":\"Organiser\"", history[2].Data.ToString(), StringComparison.OrdinalIgnoreCase);
    }
}
