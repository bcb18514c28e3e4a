using Alba;
using Contests.Api.Access;
using Contests.Api.Registration;
using Contests.Api.Tests.Support;
using Contests.Domain.Registration;
using Marten;

namespace Contests.Api.Tests.Registration;

[Collection(AppCollection.Name)]
public sealed class RegisterTeamTests(AppFixture app)
{
    private async Task<long> EventCount()
    {
        await using var session = app.QuerySession();
        return await session.Events.QueryAllRawEvents().LongCountAsync();
    }

    [Fact]
    public async Task a_team_registers_and_is_recorded_with_normalised_text_and_a_code()
    {
        var contest = await app.CreateContest();
        var decomposedName = "Tia Chớp Việt Yên".Normalize(System.Text.NormalizationForm.FormD);
        var result = await app.Host.Scenario(scenario =>
        {
            scenario.Post.Json(Requests.Team(decomposedName) with { District = "viet yen", DivisionCode = "thcs", ContactPhone = "0912 345 678" })
                .ToUrl($"/api/contests/{contest.Id}/teams");
            scenario.StatusCodeShouldBe(201);
        });

        var team = (await result.ReadAsJsonAsync<TeamRegistration>())!.Team;
        Assert.Equal("Tia Chớp Việt Yên".Normalize(), team.Name);
        Assert.Equal("Việt Yên", team.District);
        Assert.Equal("THCS", team.DivisionCode);
        Assert.Matches("^[2-9A-Z]{4}-[2-9A-Z]{4}$", team.Code);
        Assert.Equal((2, 1), (team.MemberCount, team.MentorCount));

        await using var session = app.QuerySession();
        var events = await session.Events.FetchStreamAsync(team.Id);
        var registered = Assert.IsType<TeamRegistered>(Assert.Single(events).Data);
        Assert.Equal("0912345678", registered.ContactPhone);
        Assert.Equal("Public", registered.RegisteredBy.Role);
    }

    public static TheoryData<string, Func<TeamForm, TeamForm>, string, string> Refusals() => new()
    {
        { "name", team => team with { Name = "   " }, "name", RegistrationRule.Required },
        { "school", team => team with { School = null }, "school", RegistrationRule.Required },
        { "contact phone", team => team with { ContactPhone = "912345678" }, "contactPhone", RegistrationRule.PhoneFormat },
        { "contact email", team => team with { ContactEmail = "not-an-email" }, "contactEmail", RegistrationRule.EmailFormat },
        { "district", team => team with { District = "Hà Nội" }, "district", RegistrationRule.UnknownDistrict },
        { "division", team => team with { DivisionCode = "MN" }, "divisionCode", RegistrationRule.UnknownDivision },
        { "no members", team => team with { Members = [] }, "members", RegistrationRule.TooFewMembers },
        { "member grade", team => team with { Members = [team.Members![0] with { Grade = 13 }] }, "members[0].grade", RegistrationRule.GradeOutOfRange },
        { "member identity", team => team with { Members = [team.Members![0] with { Grade = null, DateOfBirth = null }] }, "members[0].dateOfBirth", RegistrationRule.BirthDateOrGradeRequired },
        { "member birth date", team => team with { Members = [team.Members![0] with { DateOfBirth = new DateOnly(2023, 1, 1) }] }, "members[0].dateOfBirth", RegistrationRule.BirthDateOutOfRange },
        { "member phone", team => team with { Members = [team.Members![0] with { Phone = "0123" }] }, "members[0].phone", RegistrationRule.PhoneFormat },
        { "member twice", team => team with { Members = [team.Members![0], team.Members[0] with { FullName = "NGUYEN VAN AN" }] }, "members[1].fullName", RegistrationRule.PersonListedTwice },
        { "mentor email", team => team with { Mentors = [team.Mentors![0] with { Email = null }] }, "mentors[0].email", RegistrationRule.Required },
        { "too many mentors", team => team with { Mentors = [.. Enumerable.Repeat(team.Mentors![0], 4)] }, "mentors", RegistrationRule.TooManyMentors },
        { "long name", team => team with { Name = new string('x', 201) }, "name", RegistrationRule.TooLong },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task a_refused_registration_names_the_field_and_rule_and_leaves_no_event(
        string because, Func<TeamForm, TeamForm> bend, string field, string rule)
    {
        var contest = await app.CreateContest();
        var eventsBefore = await EventCount();

        var result = await app.Host.Scenario(scenario =>
        {
            scenario.Post.Json(bend(Requests.Team($"Đội {because}"))).ToUrl($"/api/contests/{contest.Id}/teams");
            scenario.StatusCodeShouldBe(422);
        });

        var problem = (await result.ReadAsJsonAsync<ProblemBody>())!;
        Assert.Contains(rule, problem.Rules![field]);
        Assert.NotEmpty(problem.Errors![field][0]);
        Assert.Equal(eventsBefore, await EventCount());
    }

    [Fact]
    public async Task a_team_name_already_taken_in_the_contest_is_409_whatever_the_accents_and_case()
    {
        var contest = await app.CreateContest();
        await app.Host.Scenario(scenario =>
        {
            scenario.Post.Json(Requests.Team("Robo Sao Mai")).ToUrl($"/api/contests/{contest.Id}/teams");
            scenario.StatusCodeShouldBe(201);
        });
        var eventsBefore = await EventCount();

        var result = await app.Host.Scenario(scenario =>
        {
            scenario.Post.Json(Requests.Team("ROBO SAO MAI")).ToUrl($"/api/contests/{contest.Id}/teams");
            scenario.StatusCodeShouldBe(409);
        });

        Assert.Equal(["team-name-taken"], (await result.ReadAsJsonAsync<ProblemBody>())!.Rules!["name"]);
        Assert.Equal(eventsBefore, await EventCount());
    }

    [Fact]
    public async Task the_same_name_in_another_contest_is_fine()
    {
        var first = await app.CreateContest();
        var second = await app.CreateContest();
        foreach (var contest in new[] { first, second })
        {
            await app.Host.Scenario(scenario =>
            {
                scenario.Post.Json(Requests.Team("Đội Trùng Tên")).ToUrl($"/api/contests/{contest.Id}/teams");
                scenario.StatusCodeShouldBe(201);
            });
        }
    }

    [Fact]
    public async Task a_registration_resent_with_the_same_idempotency_key_is_applied_once()
    {
        var contest = await app.CreateContest();
        var key = Guid.NewGuid().ToString();
        var answers = new List<TeamView>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var result = await app.Host.Scenario(scenario =>
            {
                scenario.Post.Json(Requests.Team("Đội Wi-Fi Yếu")).ToUrl($"/api/contests/{contest.Id}/teams");
                scenario.WithRequestHeader("Idempotency-Key", key);
                scenario.StatusCodeShouldBe(201);
            });
            answers.Add((await result.ReadAsJsonAsync<TeamRegistration>())!.Team);
        }

        Assert.Single(answers.Select(answer => answer.Id).Distinct());
        var teams = await app.Host.GetAsJson<TeamView[]>($"/api/contests/{contest.Id}/teams");
        Assert.Single(teams!);
    }

    [Theory]
    [InlineData(Roles.Judge)]
    [InlineData(Roles.Referee)]
    public async Task judges_and_referees_cannot_register_teams(string role)
    {
        var contest = await app.CreateContest();
        var session = await app.SessionFor(role);
        await app.Host.Scenario(scenario =>
        {
            scenario.Post.Json(Requests.Team($"Đội của {role}")).ToUrl($"/api/contests/{contest.Id}/teams");
            session.Apply(scenario);
            scenario.StatusCodeShouldBe(403);
        });
    }

    [Fact]
    public async Task an_organiser_may_register_a_team_on_its_behalf_and_is_recorded_as_the_author()
    {
        var contest = await app.CreateContest();
        var organiser = await app.SessionFor(Roles.Organiser);
        var result = await app.Host.Scenario(scenario =>
        {
            scenario.Post.Json(Requests.Team("Đội Nhập Hộ")).ToUrl($"/api/contests/{contest.Id}/teams");
            organiser.Apply(scenario);
            scenario.StatusCodeShouldBe(201);
        });

        var team = (await result.ReadAsJsonAsync<TeamRegistration>())!.Team;
        await using var session = app.QuerySession();
        var registered = (TeamRegistered)(await session.Events.FetchStreamAsync(team.Id))[0].Data;
        Assert.Equal(Roles.Organiser, registered.RegisteredBy.Role);
    }

    [Fact]
    public async Task registering_in_an_unknown_contest_is_404()
    {
        await app.Host.Scenario(scenario =>
        {
            scenario.Post.Json(Requests.Team("Đội Lạc")).ToUrl($"/api/contests/{Guid.NewGuid()}/teams");
            scenario.StatusCodeShouldBe(404);
        });
    }

    [Theory]
    [InlineData("{\"name\": ")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"members\": \"everyone\"}")]
    [InlineData("")]
    public async Task malformed_json_is_400_problem_details_not_500(string body)
    {
        var contest = await app.CreateContest();
        var result = await app.Host.Scenario(scenario =>
        {
            scenario.Post.Text(body).ToUrl($"/api/contests/{contest.Id}/teams");
            scenario.WithRequestHeader("Content-Type", "application/json");
            scenario.StatusCodeShouldBe(400);
        });

        Assert.Equal("request-malformed", (await result.ReadAsJsonAsync<ProblemBody>())!.Code);
    }

    [Theory]
    [InlineData("vi", "Số điện thoại phải có 10 chữ số và bắt đầu bằng 0.")]
    [InlineData("en-US,en;q=0.9", "A phone number has 10 digits and starts with 0.")]
    public async Task messages_follow_accept_language(string acceptLanguage, string expected)
    {
        var contest = await app.CreateContest();
        var result = await app.Host.Scenario(scenario =>
        {
            scenario.Post.Json(Requests.Team("Đội Ngôn Ngữ") with { ContactPhone = "123" }).ToUrl($"/api/contests/{contest.Id}/teams");
            scenario.WithRequestHeader("Accept-Language", acceptLanguage);
            scenario.StatusCodeShouldBe(422);
        });

        Assert.Equal(expected, (await result.ReadAsJsonAsync<ProblemBody>())!.Errors!["contactPhone"][0]);
    }
}
