using System.Net.Http.Json;
using Contests.Api.Access;
using Contests.Api.Contests;
using Contests.Api.Registration;
using Contests.Api.Registration.Import;
using Contests.Api.Tests.Support;
using Contests.Domain.Registration;
using Microsoft.Extensions.DependencyInjection;
using Marten;

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

    /// <summary>The judge profile of the contest that the Judge caller's code signs in as (assigned nothing).</summary>
    public Guid JudgeId { get; private set; }

    public Guid ContestOfB { get; private set; }

    public Guid TeamOfB { get; private set; }

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
        world.ContestId = (await world.CreateContest(organiser)).Id;
        world.OtherContestId = (await world.CreateContest(organiser)).Id;
        world.TeamId = await world.RegisterTeam(world.ContestId, null, District);
        world.JudgeId = await world.AddJudge(organiser);
        world.ImportId = await world.PreviewImport(organiser);

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
            Caller.JudgeNotAssigned => await app.SignInWithCode(await app.IssueCode(Roles.Judge, $"Giám khảo {caller}")),
            Caller.Referee => await app.SignInWithCode(await app.IssueCode(Roles.Referee, "Trọng tài")),
            Caller.DistrictOrganiser => await SignInAccount(OrganisationA, $"huyen-{unique}@matrix.example", Roles.DistrictOrganiser, District),
            Caller.DistrictOrganiserOfAnotherDistrict => await SignInAccount(OrganisationA, $"huyen-khac-{unique}@matrix.example", Roles.DistrictOrganiser, OtherDistrict),
            Caller.Organiser => await SignInAccount(OrganisationA, $"btc-{unique}@matrix.example", Roles.Organiser, null),
            Caller.OrganiserOfAnotherOrganisation => await SignInAccount(OrganisationB, $"btc-b-{unique}@matrix.example", Roles.Organiser, null),
            Caller.PlatformAdmin => await app.SignInPlatformAdmin(),
            _ => throw new ArgumentOutOfRangeException(nameof(caller), caller, "anonymous callers have no session"),
        };
    }

    /// <summary>The first judged round of the world's contest, set up by the organiser the first time it is asked for.</summary>
    public async Task<Guid> JudgedRoundId()
    {
        // The callers of one matrix row resolve their parameters side by side: one of them sets the round up.
        await SettingUpRound.WaitAsync();
        try
        {
            return await EnsureJudgedRound();
        }
        finally
        {
            SettingUpRound.Release();
        }
    }

    private static readonly SemaphoreSlim SettingUpRound = new(1, 1);

    private async Task<Guid> EnsureJudgedRound()
    {
        Contest contest;
        await using (var session = app.QuerySession())
        {
            contest = (await session.LoadAsync<Contest>(ContestId))!;
        }

        if (contest.Rounds.FirstOrDefault(round => round.Type == RoundType.JudgedSubmissions) is { } judged)
        {
            return judged.Id;
        }

        await app.Change(HttpMethod.Put, $"/api/contests/{ContestId}/rounds", new { rounds = new[] { new { name = "Vòng chấm ma trận", level = "Province", type = "JudgedSubmissions" } } },
            Task.FromResult(SessionOf(Caller.Organiser)!), $"\"{contest.Version}\"", 200);
        return await EnsureJudgedRound();
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

    public TeamForm TeamForm(string district = District) => Requests.Team(Unique("Đội ma trận"), district);

    private async Task<ContestView> CreateContest(SignedInSession organiser)
    {
        using var client = app.Host.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/contests") { Content = JsonContent.Create(Requests.Contest(Unique("Cuộc thi ma trận"))) };
        organiser.Apply(request);
        var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ContestView>(AppJson.Options))!;
    }

    private async Task<Guid> AddJudge(SignedInSession organiser)
    {
        using var client = app.Host.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/contests/{ContestId}/judges") { Content = JsonContent.Create(new { name = "Giám khảo ma trận" }) };
        organiser.Apply(request);
        var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Api.Judging.JudgeView>(AppJson.Options))!.Id;
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
