using System.Text;
using System.Text.Json;
using Alba;
using Contests.Api.Access;
using Contests.Api.Awards;
using Contests.Api.Contests;
using Contests.Api.Registration;
using Contests.Api.Tests.Judging;
using Contests.Api.Tests.Rounds;
using Contests.Api.Tests.Support;
using Contests.Domain.Awards;
using MiniExcelLibs;

namespace Contests.Api.Tests.Awards;

/// <summary>Award quotas per round and division, the allocation with its boundary ties, overrides, the decision and its certificates.</summary>
[Collection(AppCollection.Name)]
public sealed class AwardsTests(AppFixture app)
{
    private static readonly object Quotas = new
    {
        divisions = new object[]
        {
            new { divisionCode = "THCS", tiers = new object[] { new { tier = "First", count = 1 }, new { tier = "Second", count = 1 }, new { tier = "Consolation", sharePercent = 50m } } },
        },
    };

    private sealed record Setup(Guid ContestId, Guid RoundId, List<Guid> Teams)
    {
        public string Awards => $"/api/contests/{ContestId}/rounds/{RoundId}/awards";
    }

    private async Task<Setup> ContestWithRound(int teams = 4)
    {
        var contest = await app.CreateContest();
        var withRounds = await app.Change(HttpMethod.Put, $"/api/contests/{contest.Id}/rounds",
            new { rounds = new[] { new { name = "Chung kết tỉnh", level = "Province", type = "JudgedSubmissions" } } }, Roles.Organiser, "\"1\"", 200);
        var round = (await withRounds.ReadAsJsonAsync<ContestView>())!.Rounds.Single();
        var ids = new List<Guid>();
        for (var index = 0; index < teams; index++)
        {
            var registered = await app.Host.Scenario(scenario =>
            {
                // Names one letter apart: Requests.Team derives members' birth dates from the name, so no two teams share a member.
                scenario.Post.Json(Requests.Team($"Đội Giải {(char)('A' + index)}", Requests.Districts[index % Requests.Districts.Length]))
                    .ToUrl($"/api/contests/{contest.Id}/teams");
                scenario.StatusCodeShouldBe(201);
            });
            ids.Add((await registered.ReadAsJsonAsync<TeamRegistration>())!.Team.Id);
        }

        return new Setup(contest.Id, round.Id, ids);
    }

    private static object Scores(Setup setup, params decimal[] scores) =>
        new { entries = setup.Teams.Zip(scores, (teamId, score) => new { teamId, score }).ToArray() };

    [Fact]
    public async Task an_organiser_sets_quotas_per_division_with_the_awards_version()
    {
        var setup = await ContestWithRound(teams: 0);
        var empty = await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url(setup.Awards);
            app.SessionFor(Roles.Organiser).Result.Apply(scenario);
        });
        Assert.Equal("\"0\"", empty.Context.Response.Headers.ETag.ToString());

        var set = await app.Change(HttpMethod.Put, setup.Awards, Quotas, Roles.Organiser, "\"0\"", 200);

        var view = (await set.ReadAsJsonAsync<RoundAwardsView>())!;
        Assert.Equal("\"1\"", set.Context.Response.Headers.ETag.ToString());
        Assert.Equal(
            [new TierQuota(AwardTier.First, 1), new TierQuota(AwardTier.Second, 1), new TierQuota(AwardTier.Consolation, null, 50m)],
            view.Divisions.Single(division => division.DivisionCode == "THCS").Tiers);
        Assert.Empty(view.Divisions.Single(division => division.DivisionCode == "THPT").Tiers);
    }

    [Fact]
    public async Task quotas_need_the_version_an_organiser_and_valid_tiers()
    {
        var setup = await ContestWithRound(teams: 0);
        await app.Change(HttpMethod.Put, setup.Awards, Quotas, Roles.Organiser, null, 428);
        await app.Change(HttpMethod.Put, setup.Awards, Quotas, Roles.Organiser, "\"3\"", 412);
        await app.Change(HttpMethod.Put, setup.Awards, Quotas, Roles.Judge, "\"0\"", 403);
        await app.Change(HttpMethod.Put, $"/api/contests/{setup.ContestId}/rounds/{Guid.NewGuid()}/awards", Quotas, Roles.Organiser, "\"0\"", 404);
        var invalid = await app.Change(HttpMethod.Put, setup.Awards,
            new { divisions = new[] { new { divisionCode = "THCS", tiers = new object[] { new { tier = "Gold", count = 1 }, new { tier = "First", count = 1, sharePercent = 10m } } } } },
            Roles.Organiser, "\"0\"", 422);

        var rules = (await invalid.ReadAsJsonAsync<ProblemBody>())!.Rules!;
        Assert.Equal(["unknown-award-tier"], rules["divisions[0].tiers[0].tier"]);
        Assert.Equal(["award-quota-invalid"], rules["divisions[0].tiers[1]"]);
    }

    [Fact]
    public async Task a_tie_at_a_quota_boundary_waits_for_the_organisers_decision_then_certificates_are_issued()
    {
        var setup = await ContestWithRound();
        await app.Change(HttpMethod.Put, setup.Awards, Quotas, Roles.Organiser, "\"0\"", 200);
        // Second place is shared by two teams and there is one second prize.
        var ranking = Scores(setup, 95, 88, 88, 60);

        var preview = await app.Change(HttpMethod.Post, $"{setup.Awards}/THCS/preview", ranking, Roles.Organiser, null, 200);
        var allocation = (await preview.ReadAsJsonAsync<AllocationView>())!;
        var tie = Assert.Single(allocation.Ties);
        Assert.Equal((AwardTier.Second, 2, 1, false), (tie.Tier, tie.Rank, tie.SeatsLeft, tie.Resolved));
        Assert.Equal(setup.Teams.Skip(1).Take(2).Order(), tie.EntryIds.Order());
        Assert.Equal(AwardTier.First, allocation.Entries.Single(entry => entry.TeamId == setup.Teams[0]).Tier);

        var refused = await app.Change(HttpMethod.Post, $"{setup.Awards}/THCS/decision", ranking, Roles.Organiser, "\"1\"", 409);
        Assert.Equal("award-ties-unresolved", (await refused.ReadAsJsonAsync<ProblemBody>())!.Code);

        await app.Change(HttpMethod.Post, $"{setup.Awards}/THCS/overrides",
            new { teamIds = tie.EntryIds, tier = "Second", reason = "Đồng hạng: Ban Tổ chức trao cả hai giải Nhì" }, Roles.Organiser, "\"1\"", 200);
        var decided = await app.Change(HttpMethod.Post, $"{setup.Awards}/THCS/decision", ranking, Roles.Organiser, "\"2\"", 200);

        var division = (await decided.ReadAsJsonAsync<DivisionAwardsView>())!;
        Assert.Equal("\"3\"", decided.Context.Response.Headers.ETag.ToString());
        Assert.Equal(
            [(setup.Teams[0], AwardTier.First), (setup.Teams[1], AwardTier.Second), (setup.Teams[2], AwardTier.Second)],
            division.Decision!.Awards.Select(award => (award.TeamId, award.Tier)).OrderBy(pair => pair.Tier).ThenBy(pair => setup.Teams.IndexOf(pair.TeamId)));
        Assert.All(division.Decision.Awards, award => Assert.Matches("^([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}$", award.CertificateCode));
        Assert.Equal("Đồng hạng: Ban Tổ chức trao cả hai giải Nhì", division.Decision.Awards.Single(award => award.TeamId == setup.Teams[2]).OverrideReason);
    }

    private async Task<(Setup Setup, DivisionAwardsView Division)> Decided()
    {
        var setup = await ContestWithRound();
        await app.Change(HttpMethod.Put, setup.Awards, Quotas, Roles.Organiser, "\"0\"", 200);
        var decided = await app.Change(HttpMethod.Post, $"{setup.Awards}/THCS/decision", Scores(setup, 90, 80, 70, 60), Roles.Organiser, "\"1\"", 200);
        return (setup, (await decided.ReadAsJsonAsync<DivisionAwardsView>())!);
    }

    [Fact]
    public async Task a_real_certificate_is_confirmed_a_forged_code_is_not_and_a_replaced_decision_says_so()
    {
        var (setup, division) = await Decided();
        var first = division.Decision!.Awards.Single(award => award.Tier == AwardTier.First);

        var verified = await app.Host.GetAsJson<CertificateVerification>($"/api/certificates/{first.CertificateCode.ToLowerInvariant().Replace("-", string.Empty, StringComparison.Ordinal)}");
        Assert.Equal((CertificateStatus.Valid, "Giải Nhất", first.TeamName, "Chung kết tỉnh"), (verified!.Status, verified.TierName, verified.TeamName, verified.RoundName));

        await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url($"/api/certificates/{first.CertificateCode[..^1]}{(first.CertificateCode[^1] == 'A' ? 'B' : 'A')}");
            scenario.StatusCodeShouldBe(404);
        });

        await app.Change(HttpMethod.Post, $"{setup.Awards}/THCS/decision", Scores(setup, 60, 80, 70, 90), Roles.Organiser, "\"2\"", 200);
        var replaced = await app.Host.GetAsJson<CertificateVerification>($"/api/certificates/{first.CertificateCode}");
        Assert.Equal(CertificateStatus.Superseded, replaced!.Status);
    }

    [Fact]
    public async Task a_certificate_page_is_printable_html_without_scripts_or_inline_styles()
    {
        var (_, division) = await Decided();
        var award = division.Decision!.Awards.Single(item => item.Tier == AwardTier.First);

        var page = await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url($"/certificates/{award.CertificateCode}");
            scenario.ContentTypeShouldBe("text/html; charset=utf-8");
        });

        var html = await page.ReadAsTextAsync();
        Assert.Contains("GIẤY CHỨNG NHẬN", html, StringComparison.Ordinal);
        Assert.Contains("GIẢI NHẤT", html, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(award.TeamName), html, StringComparison.Ordinal);
        Assert.Contains("/verify/?code=" + award.CertificateCode, html, StringComparison.Ordinal);
        Assert.Contains("data:image/svg+xml;base64,", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("default-src 'self'", page.Context.Response.Headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_division_prints_as_one_pdf_page_per_certificate()
    {
        var (setup, division) = await Decided();

        using var response = await app.Get($"{setup.Awards}/THCS/certificates.pdf", await app.SessionFor(Roles.Organiser));

        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        var pages = System.Text.RegularExpressions.Regex.Count(Encoding.Latin1.GetString(pdf), @"/Type\s*/Page\b");
        Assert.Equal(division.Decision!.Awards.Count, pages);
    }

    [Fact]
    public async Task award_settings_and_the_award_list_export_and_read_back()
    {
        var (setup, division) = await Decided();
        var organiser = await app.SessionFor(Roles.Organiser);

        var settings = await app.Bytes($"/api/contests/{setup.ContestId}/exports/award-settings?format=json", organiser);
        var list = await app.Bytes($"/api/contests/{setup.ContestId}/exports/award-list", organiser);

        using var document = JsonDocument.Parse(settings);
        Assert.Equal(
            [("Giải Nhất", "1", ""), ("Giải Nhì", "1", ""), ("Giải Khuyến khích", "", "50")],
            document.RootElement.EnumerateArray().Select(row => (row.GetProperty("tier").GetString(), row.GetProperty("maxCount").ToString(), row.GetProperty("maxSharePercent").ToString())));
        using var stream = new MemoryStream(list);
        var rows = stream.Query(useHeaderRow: true, sheetName: "THCS - Trung học cơ sở").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(division.Decision!.Awards.OrderBy(award => award.Tier).Select(award => (award.TeamName, award.CertificateCode)),
            rows.Select(row => ((string)row["Tên đội"]!, (string)row["Mã giấy chứng nhận"]!)));
        Assert.Equal(["Giải Nhất", "Giải Nhì", "Giải Khuyến khích", "Giải Khuyến khích"], rows.Select(row => (string)row["Giải"]!));
    }

    [Fact]
    public async Task rankings_are_checked_and_only_organisers_allocate()
    {
        var setup = await ContestWithRound(teams: 2);
        await app.Change(HttpMethod.Post, $"{setup.Awards}/THCS/preview", Scores(setup, 1, 2), Roles.Organiser, null, 409);
        await app.Change(HttpMethod.Put, setup.Awards, Quotas, Roles.Organiser, "\"0\"", 200);

        var invalid = await app.Change(HttpMethod.Post, $"{setup.Awards}/THCS/preview",
            new { entries = new object[] { new { teamId = setup.Teams[0], score = 5m }, new { teamId = setup.Teams[0], score = 4m }, new { teamId = Guid.NewGuid() } } },
            Roles.Organiser, null, 422);
        await app.Change(HttpMethod.Post, $"{setup.Awards}/THCS/preview", Scores(setup, 1, 2), Roles.Judge, null, 403);
        await app.Change(HttpMethod.Post, $"{setup.Awards}/THCS/overrides", new { teamIds = setup.Teams, tier = "First", reason = "" }, Roles.Organiser, "\"1\"", 422);

        var rules = (await invalid.ReadAsJsonAsync<ProblemBody>())!.Rules!;
        Assert.Equal(["ranking-team-twice"], rules["entries[1].teamId"]);
        Assert.Equal(["ranking-team-not-in-division"], rules["entries[2].teamId"]);
        Assert.Equal(["ranking-rank-or-score"], rules["entries[2]"]);
    }

    [Fact]
    public async Task the_public_sees_a_judged_rounds_awards_only_from_its_publication_time()
    {
        var (setup, _) = await Decided();
        var publicList = $"{setup.Awards}/public";

        var unscheduled = await PublicList(publicList);
        Assert.Equal((false, null, 0), (unscheduled.Published, unscheduled.PublishAt, unscheduled.Divisions.Count));

        var now = app.LocalNow();
        var schedule = await app.SetSchedule(setup.ContestId, setup.RoundId,
            RoundScenarios.Schedule(now.AddDays(-10), now.AddDays(-5), publish: now.AddHours(1)));
        var beforePublication = await PublicList(publicList);
        Assert.False(beforePublication.Published);
        Assert.Equal(app.Clock.GetUtcNow().AddHours(1), beforePublication.PublishAt);
        Assert.Empty(beforePublication.Divisions);

        await app.SetSchedule(setup.ContestId, setup.RoundId,
            RoundScenarios.Schedule(now.AddDays(-10), now.AddDays(-5), publish: now.AddMinutes(-1)), schedule.Version);
        var published = await PublicList(publicList);
        Assert.True(published.Published);
        var division = Assert.Single(published.Divisions);
        Assert.Equal("THCS", division.DivisionCode);
        Assert.Equal([AwardTier.First, AwardTier.Second, AwardTier.Consolation, AwardTier.Consolation], division.Awards.Select(award => award.Tier));
        Assert.Equal(["Giải Nhất", "Đội Giải A"], [division.Awards[0].TierName, division.Awards[0].TeamName]);
        Assert.DoesNotContain("certificateCode", await (await app.Send(HttpMethod.Get, publicList)).Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        await app.Get($"/api/contests/{setup.ContestId}/rounds/{Guid.NewGuid()}/awards/public", null, 404);
    }

    private async Task<PublicAwardsView> PublicList(string url) => await (await app.Get(url, null)).Read<PublicAwardsView>();
}
