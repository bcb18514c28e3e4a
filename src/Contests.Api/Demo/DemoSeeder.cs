using Contests.Api.Access;
using Contests.Api.Contests;
using Contests.Api.Infrastructure;
using Contests.Api.Organisations;
using Contests.Api.Registration;
using Contests.Domain.Demo;
using Contests.Domain.Registration;
using Marten;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Contests.Api.Demo;

/// <summary>
/// Loads the Bắc Giang Robocon 2024 demo (432 teams, 1,484 people) when Contests:SeedDemo is on, then prints where
/// each kind of user goes. Stream ids are derived from the demo's own keys, so a second start adds nothing.
/// </summary>
public sealed class DemoSeeder(
    IDocumentStore store,
    OrganiserAccounts accounts,
    ContestsOptions options,
    TimeProvider clock,
    IServer server,
    IHostApplicationLifetime lifetime,
    ILogger<DemoSeeder> logger) : BackgroundService
{
    public const string OrganiserEmail = "btc@bacgiang.example";
    public const string OrganiserPassword = "demo-organiser";
    public static readonly Guid ContestId = StreamIds.For("demo-contest", "bac-giang-robocon-2024");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var organisation = options.DefaultOrganisation;
        var loadedTeams = await LoadContestAsync(store, organisation, clock.GetUtcNow(), stoppingToken);
        await Entries.EntriesDemo.LoadAsync(store, organisation, clock.GetUtcNow(), stoppingToken);
        await Judging.JudgingDemo.LoadAsync(store, organisation, stoppingToken);
        await Matches.MatchesDemo.LoadAsync(store, organisation, ContestId, DemoTeamId, clock.GetUtcNow(), stoppingToken);
        await accounts.EnsureAsync(OrganiserEmail, "Ban Tổ chức Robocon Bắc Giang", OrganiserPassword, stoppingToken);
        var codes = await IssueDemoCodesAsync(stoppingToken);
        logger.LogInformation("Demo ready in {Elapsed} ms ({Teams} teams loaded now)", watch.ElapsedMilliseconds, loadedTeams);

        await started.Task.WaitAsync(stoppingToken);
        var baseUrl = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://127.0.0.1:5000";
        Console.WriteLine(Banner(baseUrl.TrimEnd('/'), options.DefaultOrganisation, codes));
    }

    /// <summary>
    /// Appends the demo contest and its teams to <paramref name="organisation"/> unless the contest stream exists there;
    /// answers how many teams it loaded.
    /// </summary>
    public static async Task<int> LoadContestAsync(IDocumentStore store, string organisation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession(organisation);
        if (await session.Events.FetchStreamStateAsync(ContestId, cancellationToken) is not null)
        {
            return 0;
        }

        var demo = BacGiangRobocon2024.Generate();
        var organiser = new Actor("demo", "Ban Tổ chức (dữ liệu mẫu)", Roles.Organiser);
        session.Events.StartStream<Contest>(ContestId, new ContestCreated(
            ContestId,
            demo.Name,
            Enum.Parse<ContestKind>(demo.Kind),
            demo.Edition,
            demo.OrganisingBody,
            demo.Districts,
            demo.Divisions.Select(division => new DivisionDefinition(division.Code, division.Name)).ToList(),
            organiser,
            now));

        for (var index = 0; index < demo.Teams.Count; index++)
        {
            var team = demo.Teams[index];
            var teamId = DemoTeamId(index);
            session.Events.StartStream<Team>(teamId, new TeamRegistered(
                teamId,
                ContestId,
                TeamCodes.For(teamId),
                team.Name,
                team.School,
                team.District,
                team.DivisionCode,
                team.ContactPhone,
                team.ContactEmail,
                team.Members.Select(member => new TeamMember(member.FullName, member.DateOfBirth, member.Grade, Enum.Parse<Gender>(member.Gender), member.Phone)).ToList(),
                team.Mentors.Select(mentor => new TeamMentor(mentor.FullName, mentor.Phone, mentor.Email)).ToList(),
                organiser,
                now));
        }

        await session.SaveChangesAsync(cancellationToken);
        return demo.Teams.Count;
    }

    public static Guid DemoTeamId(int index) =>
        StreamIds.For($"demo-team/{ContestId}", index.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Codes are single-use, so every start issues fresh ones to print.</summary>
    private async Task<IReadOnlyList<(string Role, string Code)>> IssueDemoCodesAsync(CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession(options.DefaultOrganisation);
        var issued = new List<(string, string)>();
        // The team code opens the portal of the demo's first team, so the portal shows a real registration.
        foreach (var (role, name, principal) in new[]
                 {
                     (Roles.Judge, "Giám khảo Demo", Judging.JudgingDemo.DemoJudgeId),
                     (Roles.Referee, "Trọng tài Demo", Guid.CreateVersion7()),
                     (Roles.HeadReferee, "Trọng tài chính Demo", Guid.CreateVersion7()),
                     (Roles.Team, "Đội Demo", DemoTeamId(0)),
                 })
        {
            var (code, _) = await SignInCodes.IssueAsync(session, role, name, TimeSpan.FromDays(7), Actor.System, clock.GetUtcNow(), principal, cancellationToken);
            issued.Add((role, code));
        }

        return issued;
    }

    private static string Banner(string baseUrl, string organisation, IReadOnlyList<(string Role, string Code)> codes)
    {
        var lines = new List<string>
        {
            string.Empty,
            "==================== Contests is running ====================",
            $"  Audience board    {baseUrl}/board/?contest={ContestId}",
            $"  Team portal       {baseUrl}/team/?contest={ContestId}",
            $"  Judge tablet      {baseUrl}/judge/",
            $"  Match screen      {baseUrl}/matches/?contest={ContestId}",
            $"  Standings         {baseUrl}/screen/?contest={ContestId} (big screen), {baseUrl}/standings/?contest={ContestId} (phones)",
            $"  Referee tablet    {baseUrl}/referee/",
            $"  Award winners     {baseUrl}/awards/?contest={ContestId}",
            $"  Check certificate {baseUrl}/verify/",
            $"  Organiser console {baseUrl}/organiser/",
            $"  API docs          {baseUrl}/api/docs",
            $"  Jobs (platform)   {baseUrl}/hangfire",
            $"  Health            {baseUrl}/health",
            $"  The same pages    {baseUrl}{RequestOrganisation.PathBase(organisation)}/… (every organisation has its own /o/{{slug}}/)",
            string.Empty,
            $"  Organiser sign-in {OrganiserEmail} / {OrganiserPassword}",
        };
        lines.AddRange(codes.Select(issued =>
            $"  {issued.Role,-11} code  {issued.Code}  ->  {baseUrl}{SignInCodes.SignInPath(organisation, issued.Role, issued.Code, ContestId)}"));
        lines.Add("  (sign-in codes are single-use: restart to print fresh ones)");
        lines.Add("=============================================================");
        return string.Join(Environment.NewLine, lines);
    }
}
