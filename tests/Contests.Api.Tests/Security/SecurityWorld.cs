using System.Net.Http.Json;
using Contests.Api.Access;
using Contests.Api.Contests;
using Contests.Api.Entries;
using Contests.Api.Infrastructure;
using Contests.Api.Judging;
using Contests.Api.Registration;
using Contests.Api.Registration.Import;
using Contests.Api.Matches;
using Contests.Api.Notifications;
using Contests.Api.Tests.Matches;
using Contests.Api.Tests.Rounds;
using Contests.Api.Tests.Support;
using Contests.Domain;
using Contests.Domain.Registration;
using Microsoft.Extensions.DependencyInjection;
using Marten;
using Marten.Events;

namespace Contests.Api.Tests.Security;

/// <summary>
/// Two organisations with something in them, and a signed-in session for every <see cref="Caller"/>. Organisation A is
/// the default one; everything the matrix addresses by id (contest, team, import, codes, accounts, sessions) is A's.
/// Organisation B has an organiser of its own and a contest of its own for the isolation tests.
/// </summary>
public sealed class SecurityWorld
{
    public const string District = "Việt Yên";
    public const string OtherDistrict = "Yên Thế";
    private const string Password = "matrix password 2024";

    private readonly AppFixture app;
    private readonly Dictionary<Caller, SignedInSession> sessions = [];
    private int counter;
    private int teamForms;
    private SignedInSession? organiserOfA;

    private SecurityWorld(AppFixture app, string organisationB)
    {
        this.app = app;
        OrganisationB = organisationB;
    }

    public string OrganisationA => app.Organisation;

    public string OrganisationB { get; }

    public Guid ContestId { get; private set; }

    public Guid OtherContestId { get; private set; }

    public Guid TeamId { get; private set; }

    public Guid ImportId { get; private set; }


    public Guid ContestOfB { get; private set; }

    public Guid TeamOfB { get; private set; }

    /// <summary>A judged round of <see cref="ContestId"/>, open for submissions, in which <see cref="TeamId"/> has an entry.</summary>
    public Guid RoundId { get; private set; }

    /// <summary>A match round of <see cref="ContestId"/> with its groups drawn.</summary>
    public Guid MatchRoundId { get; private set; }

    /// <summary>A judged round nothing happens in, for calls that cancel one.</summary>
    public Guid SpareRoundId { get; private set; }

    public string MatchCode { get; private set; } = "";

    /// <summary>The certificate of the team's first prize in the judged round.</summary>
    public string CertificateCode { get; private set; } = "";

    public Guid PanelId { get; private set; }

    public Guid JudgeId { get; private set; }

    /// <summary>The contest's head judge, assigned nothing.</summary>
    public Guid HeadJudgeId { get; private set; }

    /// <summary>A judge of the same contest who is given nothing: "judge not assigned".</summary>
    public Guid OtherJudgeId { get; private set; }

    /// <summary>The team's entry in the judged round, assigned to the judge.</summary>
    public Guid EntryId { get; private set; }

    /// <summary>The SHA-256 of the file in the team's entry.</summary>
    public string EntryFile { get; private set; } = "";

    /// <summary>A notification to the team (its entry was received).</summary>
    public Guid NotificationId { get; private set; }

    public const string Division = "THCS";

    public static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n"u8.ToArray();

    private static readonly SemaphoreSlim Creating = new(1, 1);
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AppFixture, SecurityWorld> Shared = new();

    /// <summary>One world per test host: building it signs in a dozen people, which is worth doing once.</summary>
    public static async Task<SecurityWorld> SharedAsync(AppFixture app)
    {
        await Creating.WaitAsync();
        try
        {
            if (!Shared.TryGetValue(app, out var world))
            {
                world = await CreateAsync(app);
                Shared.Add(app, world);
            }

            return world;
        }
        finally
        {
            Creating.Release();
        }
    }

    private static async Task<SecurityWorld> CreateAsync(AppFixture app)
    {
        var world = new SecurityWorld(app, await app.CreateOrganisation("to-chuc-b"));
        var organiser = await world.SignIn(Caller.Organiser);
        world.organiserOfA = organiser;
        world.ContestId = (await world.CreateContest(organiser)).Id;
        world.OtherContestId = (await world.CreateContest(organiser)).Id;
        world.TeamId = await world.RegisterTeam(world.ContestId, null, District);
        world.ImportId = await world.PreviewImport(organiser);
        await world.SetUpRounds(organiser);

        var organiserOfB = await world.SignIn(Caller.OrganiserOfAnotherOrganisation);
        world.ContestOfB = (await world.CreateContest(organiserOfB)).Id;
        world.TeamOfB = await world.RegisterTeam(world.ContestOfB, organiserOfB, District);

        var callers = Enum.GetValues<Caller>().Where(caller => caller != Caller.Anonymous).ToList();
        var signedIn = await Task.WhenAll(callers.Select(world.SignIn));
        foreach (var (caller, session) in callers.Zip(signedIn))
        {
            world.sessions[caller] = session;
        }

        return world;
    }

    public SignedInSession? SessionOf(Caller caller) => sessions.GetValueOrDefault(caller);

    /// <summary>The organisation a caller's requests act in: B for B's organiser, A for everyone else.</summary>
    public string OrganisationOf(Caller caller) => caller == Caller.OrganiserOfAnotherOrganisation ? OrganisationB : OrganisationA;

    /// <summary>A fresh session of the same kind, for a call that ends the session it is made with.</summary>
    public async Task<SignedInSession?> FreshSessionOf(Caller caller) => caller == Caller.Anonymous ? null : await SignIn(caller);

    public string Unique(string prefix) => $"{prefix} {Interlocked.Increment(ref counter)} {Guid.NewGuid():N}"[..(prefix.Length + 14)];

    public async Task<SignedInSession> SignIn(Caller caller)
    {
        var unique = Guid.NewGuid().ToString("N");
        return caller switch
        {
            Caller.Team => await app.SignInWithCode(await app.IssueCode(Roles.Team, "Đội ma trận", principalId: TeamId)),
            Caller.TeamOfAnotherContest => await app.SignInWithCode(
                await app.IssueCode(Roles.Team, "Đội khác", principalId: await RegisterTeam(OtherContestId, null, District))),
            Caller.Judge => await app.SignInWithCode(await app.IssueCode(Roles.Judge, "Giám khảo ma trận", principalId: JudgeId)),
            Caller.JudgeNotAssigned => await app.SignInWithCode(await app.IssueCode(Roles.Judge, "Giám khảo khác", principalId: OtherJudgeId)),
            Caller.HeadJudge => await app.SignInWithCode(await app.IssueCode(Roles.HeadJudge, "Trưởng ban giám khảo ma trận", principalId: HeadJudgeId)),
            Caller.Referee => await app.SignInWithCode(await app.IssueCode(Roles.Referee, "Trọng tài")),
            Caller.HeadReferee => await app.SignInWithCode(await app.IssueCode(Roles.HeadReferee, "Trọng tài chính")),
            Caller.DistrictOrganiser => await SignInAccount(OrganisationA, $"huyen-{unique}@matrix.example", Roles.DistrictOrganiser, District),
            Caller.DistrictOrganiserOfAnotherDistrict => await SignInAccount(OrganisationA, $"huyen-khac-{unique}@matrix.example", Roles.DistrictOrganiser, OtherDistrict),
            Caller.Organiser => await SignInAccount(OrganisationA, $"btc-{unique}@matrix.example", Roles.Organiser, null),
            Caller.OrganiserOfAnotherOrganisation => await SignInAccount(OrganisationB, $"btc-b-{unique}@matrix.example", Roles.Organiser, null),
            Caller.PlatformAdmin => await app.SignInPlatformAdmin(),
            _ => throw new ArgumentOutOfRangeException(nameof(caller), caller, "anonymous callers have no session"),
        };
    }

    /// <summary>A code of organisation A nobody has used, for calls that revoke or redeem one.</summary>
    public Task<string> FreshCode(string? organisation = null) => app.IssueCode(Roles.Judge, "Giám khảo dùng một lần", organisation: organisation ?? OrganisationA);

    public async Task<Guid> FreshCodeId() => SignInCode.IdFor(await FreshCode());

    /// <summary>A district organiser account of organisation A, for calls that change or disable one.</summary>
    public Task<Guid> FreshAccountId() =>
        CreateAccount(OrganisationA, $"doi-vai-tro-{Guid.NewGuid():N}@matrix.example", Roles.DistrictOrganiser, OtherDistrict);

    /// <summary>A password account in <paramref name="organisation"/> and its credentials, for sign-in calls.</summary>
    public async Task<object> FreshCredentials(string organisation)
    {
        var email = $"dang-nhap-{Guid.NewGuid():N}@matrix.example";
        await CreateAccount(organisation, email, Roles.Organiser, null);
        return new { email, password = Password };
    }

    private async Task<SignedInSession> SignInAccount(string organisation, string email, string role, string? district)
    {
        await CreateAccount(organisation, email, role, district);
        return await app.SignInWithPassword(organisation, email, Password);
    }

    private async Task<Guid> CreateAccount(string organisation, string email, string role, string? district)
    {
        await app.Host.Services.GetRequiredService<OrganiserAccounts>().EnsureAsync(
            organisation, email, $"{role} ma trận", Password, role, district, Actor.System, CancellationToken.None);
        return OrganiserAccount.IdFor(email);
    }

    /// <summary>An open session of organisation A (a judge's), for calls that end one.</summary>
    public async Task<Guid> FreshSessionId()
    {
        var principal = Guid.CreateVersion7();
        await app.SignInWithCode(await app.IssueCode(Roles.Judge, "Giám khảo sẽ bị đăng xuất", principalId: principal));
        await using var session = app.QuerySession();
        return (await session.Query<UserSession>().SingleAsync(item => item.PrincipalId == principal)).Id;
    }

    /// <summary>
    /// Gives the contest what the round endpoints address: a judged round open now with the team's entry in it, a judge
    /// and a panel, and a match round with groups drawn.
    /// </summary>
    private async Task SetUpRounds(SignedInSession organiser)
    {
        var rounds = await Send(organiser, HttpMethod.Put, $"/api/contests/{ContestId}/rounds", new
        {
            rounds = new[]
            {
                new { name = "Vòng loại ma trận", level = "Province", type = "JudgedSubmissions" },
                new { name = "Chung kết ma trận", level = "Province", type = "Matches" },
                new { name = "Vòng phụ ma trận", level = "Province", type = "JudgedSubmissions" },
            },
        }, "\"1\"");
        var contest = (await rounds.Content.ReadFromJsonAsync<ContestView>(AppJson.Options))!;
        RoundId = contest.Rounds[0].Id;
        MatchRoundId = contest.Rounds[1].Id;
        SpareRoundId = contest.Rounds[2].Id;

        var now = VietnamTime.ToLocal(app.Clock.GetUtcNow());
        await Send(organiser, HttpMethod.Put, $"/api/contests/{ContestId}/rounds/{RoundId}/schedule",
            new { opensAt = now.AddHours(-1), closesAt = now.AddDays(30), graceMinutes = 0 }, "\"0\"");
        var team = await app.SignInWithCode(await app.IssueCode(Roles.Team, "Đội ma trận", principalId: TeamId));
        var entry = await app.Submit($"/api/contests/{ContestId}/rounds/{RoundId}/entries/{TeamId}", team, 0, files: [("thuyet-minh.pdf", Pdf)]);
        entry.EnsureSuccessStatusCode();
        EntryFile = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf));
        EntryId = Entry.IdFor(RoundId, TeamId);
        await using (var session = app.QuerySession())
        {
            NotificationId = (await session.Query<Notification>().FirstAsync(item => item.RecipientId == TeamId)).Id;
        }

        var awards = $"/api/contests/{ContestId}/rounds/{RoundId}/awards";
        await Send(organiser, HttpMethod.Put, awards, new { divisions = new[] { new { divisionCode = Division, tiers = new[] { new { tier = "First", count = 1 } } } } }, "\"0\"");
        var decided = await Send(organiser, HttpMethod.Post, $"{awards}/{Division}/decision", new { entries = new[] { new { teamId = TeamId, score = 90m } } }, "\"1\"");
        CertificateCode = (await decided.Content.ReadFromJsonAsync<Api.Awards.DivisionAwardsView>(AppJson.Options))!.Decision!.Awards[0].CertificateCode;

        var judge = await Send(organiser, HttpMethod.Post, $"/api/contests/{ContestId}/judges", new { name = "Giám khảo ma trận", schools = Array.Empty<string>(), districts = Array.Empty<string>() });
        JudgeId = (await judge.Content.ReadFromJsonAsync<JudgeView>(AppJson.Options))!.Id;
        OtherJudgeId = await FreshJudge();
        var headJudge = await Send(organiser, HttpMethod.Post, $"/api/contests/{ContestId}/judges", new { name = "Trưởng ban ma trận", headJudge = true });
        HeadJudgeId = (await headJudge.Content.ReadFromJsonAsync<JudgeView>(AppJson.Options))!.Id;
        PanelId = await FreshPanel();
        await using (var session = app.LightweightSession())
        {
            session.Events.Append(RoundAssignments.IdFor(RoundId), new JudgesAssigned(
                ContestId, RoundId, 1, [new AssignedEntry(EntryId, TeamId, JudgeId)], [], Actor.System, app.Clock.GetUtcNow()));
            await session.SaveChangesAsync();
        }

        await app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

        var matches = $"/api/contests/{ContestId}/rounds/{MatchRoundId}/matches";
        await Send(organiser, HttpMethod.Put, $"{matches}/game", MatchRoundScenario.Game);
        var teams = new List<Guid> { TeamId };
        for (var index = 0; index < 3; index++)
        {
            teams.Add(await RegisterTeam(ContestId, null, District));
        }

        var chosen = await Send(organiser, HttpMethod.Put, $"{matches}/teams", new { teamIds = teams }, "\"1\"");
        var version = (await chosen.Content.ReadFromJsonAsync<MatchRoundView>(AppJson.Options))!.Version;
        var drawn = await Send(organiser, HttpMethod.Post, $"{matches}/draw", new
        {
            groupCount = 1, fields = new[] { "Sân A" }, startsAt = now.AddDays(40), slotMinutes = 5, minRestMinutes = 5, seed = 1,
        }, $"\"{version}\"");
        MatchCode = (await drawn.Content.ReadFromJsonAsync<MatchRoundView>(AppJson.Options))!.Matches[0].Code;
    }

    /// <summary>A judge of the contest nobody else uses, for calls that remove one.</summary>
    public async Task<Guid> FreshJudge()
    {
        var judge = await Send(organiserOfA ?? throw new InvalidOperationException("The world is not built yet."), HttpMethod.Post,
            $"/api/contests/{ContestId}/judges", new { name = Unique("Giám khảo"), schools = Array.Empty<string>(), districts = Array.Empty<string>() });
        return (await judge.Content.ReadFromJsonAsync<JudgeView>(AppJson.Options))!.Id;
    }

    /// <summary>A panel of the judged round nobody else uses, for calls that remove one.</summary>
    public async Task<Guid> FreshPanel()
    {
        var panel = await Send(organiserOfA ?? throw new InvalidOperationException("The world is not built yet."), HttpMethod.Post,
            $"/api/contests/{ContestId}/rounds/{RoundId}/panels", new { name = Unique("Hội đồng"), divisions = new[] { Division }, fields = new[] { Unique("Lĩnh vực") }, members = Array.Empty<Guid>() });
        return (await panel.Content.ReadFromJsonAsync<PanelView>(AppJson.Options))!.Id;
    }

    private async Task<HttpResponseMessage> Send(SignedInSession session, HttpMethod method, string url, object body, string? ifMatch = null)
    {
        using var client = app.Host.Server.CreateClient();
        using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body, body.GetType(), options: AppJson.Options) };
        session.Apply(request);
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        request.Headers.TryAddWithoutValidation("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await client.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return response;
    }

    /// <summary>
    /// A team of its own: its first member's birth date comes from a count of the world's teams, since the date Requests.Team
    /// derives from a random name let two teams of one contest share that member now and then (refused with 422).
    /// </summary>
    public TeamForm TeamForm(string district = District)
    {
        var form = Requests.Team(Unique("Đội ma trận"), district);
        var first = form.Members![0] with { DateOfBirth = new DateOnly(2011, 1, 1).AddDays(Interlocked.Increment(ref teamForms)) };
        return form with { Members = [first, .. form.Members.Skip(1)] };
    }

    private async Task<ContestView> CreateContest(SignedInSession organiser)
    {
        using var client = app.Host.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/contests") { Content = JsonContent.Create(Requests.Contest(Unique("Cuộc thi ma trận"))) };
        organiser.Apply(request);
        var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ContestView>(AppJson.Options))!;
    }

    /// <summary>A contest of organisation A and a team in it, which nothing else touches.</summary>
    public async Task<(Guid ContestId, Guid TeamId)> FreshTeam()
    {
        var contest = await CreateContest(SessionOf(Caller.Organiser)!);
        return (contest.Id, await RegisterTeam(contest.Id, null, District));
    }

    private async Task<Guid> RegisterTeam(Guid contestId, SignedInSession? as_, string district)
    {
        using var client = app.Host.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/contests/{contestId}/teams") { Content = JsonContent.Create(TeamForm(district)) };
        as_?.Apply(request);
        var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TeamRegistration>(AppJson.Options))!.Team.Id;
    }

    private async Task<Guid> PreviewImport(SignedInSession organiser)
    {
        var response = await app.Upload($"/api/contests/{ContestId}/imports", ImportFile(), "ma-tran.csv", organiser);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ImportPreview>(AppJson.Options))!.Id;
    }

    public byte[] ImportFile() => System.Text.Encoding.UTF8.GetBytes(
        "Tên đội,Trường,Huyện,Bảng,Vai trò,Họ và tên,Ngày sinh,Lớp\r\n" +
        $"{Unique("Đội nhập")},THCS Ma Trận,{District},THCS,Thành viên,Phạm Văn Nhập,01/02/2011,8\r\n");
}
