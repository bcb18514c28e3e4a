using System.Net.Http.Json;
using Alba;
using Contests.Api.Access;
using Contests.Api.Contests;
using Contests.Api.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Contests.Api.Tests.Support;

/// <summary>
/// One real host per test run, on the shared PostgreSQL, in schemas of its own that are dropped at the end.
/// Tests create their own contests and assert on their own ids, so nothing is wiped between them.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    private readonly string schema = $"test_{Guid.NewGuid():N}"[..17];
    private readonly Dictionary<string, SignedInSession> sessions = [];

    public IAlbaHost Host { get; private set; } = null!;

    public CapturedLogs Logs { get; } = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2024, 5, 10, 3, 0, 0, TimeSpan.Zero));

    /// <summary>Entry files and the e-mail outbox of this run, deleted at the end.</summary>
    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), $"contests-tests-{Guid.NewGuid():N}");

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("CONTESTS_DB") is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : "Host=127.0.0.1;Port=5432;Database=contests;Username=contests;Password=contests";

    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    /// <summary>How many events the store holds, in every organisation and but for some types: what a refused request must leave unchanged.</summary>
    public async Task<long> EventCount(IReadOnlyList<string> exceptTypes)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand($"select count(*) from {schema}.mt_events where not (type = any($1))", connection);
        count.Parameters.Add(new NpgsqlParameter { Value = exceptTypes.ToArray() });
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>The default organisation: where requests without /o/{slug}/ and without a session act.</summary>
    public string Organisation => Host.Services.GetRequiredService<ContestsOptions>().DefaultOrganisation;

    /// <summary>A session on the default organisation's data, as the API's own sessions see it.</summary>
    public IQuerySession QuerySession() => Store.QuerySession(Organisation);

    public IDocumentSession LightweightSession() => Store.LightweightSession(Organisation);

    public async Task InitializeAsync()
    {
        Host = await AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("CONTESTS_DB", ConnectionString);
            builder.UseSetting("Contests:Schema", schema);
            builder.UseSetting("Contests:HangfireSchema", schema + "_hangfire");
            builder.UseSetting("Contests:RunJobServer", "false");
            builder.UseSetting("Contests:WebRoot", Path.Combine(Path.GetTempPath(), "contests-no-web"));
            builder.UseSetting("Contests:Files:Root", Path.Combine(DataFolder, "files"));
            builder.UseSetting("Contests:Mail:Outbox", Path.Combine(DataFolder, "outbox"));
            builder.UseSetting($"Logging:{CapturedLogs.Alias}:LogLevel:Default", "Information");
            builder.ConfigureServices(services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                services.AddSingleton<IStartupFilter, TestClientAddresses>();
                services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs);
                // Hashing is deliberately slow (100,000 rounds); the tests hash hundreds of passwords through the same
                // code with fewer rounds, which every hash records, so verification is unchanged.
                services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(hashing => hashing.IterationCount = 1_000);
            });
        });
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop schema if exists {schema} cascade; drop schema if exists {schema}_hangfire cascade;", connection);
        await drop.ExecuteNonQueryAsync();
        if (Directory.Exists(DataFolder))
        {
            Directory.Delete(DataFolder, recursive: true);
        }
    }

    /// <summary>A signed-in session for a role, made through the real sign-in endpoints once and reused.</summary>
    public async Task<SignedInSession> SessionFor(string role)
    {
        if (sessions.TryGetValue(role, out var existing))
        {
            return existing;
        }

        var session = role == Roles.Organiser
            ? await SignInOrganiser($"organiser-{Guid.NewGuid():N}@test.example", "correct horse battery")
            : await SignInWithCode(await IssueCode(role, $"{role} {sessions.Count}"));
        sessions[role] = session;
        return session;
    }

    public Task<SignedInSession> SignInOrganiser(string email, string password) =>
        SignInAccount(Organisation, email, password, Roles.Organiser);

    /// <summary>A password account of this role in <paramref name="organisation"/>, created unless it exists, signed in at that organisation's address.</summary>
    public async Task<SignedInSession> SignInAccount(string organisation, string email, string password, string role, string? district = null)
    {
        await Host.Services.GetRequiredService<OrganiserAccounts>().EnsureAsync(
            organisation, email, $"{role} thử", password, role, district, Actor.System, CancellationToken.None);
        return await SignInWithPassword(organisation, email, password);
    }

    public Task<SignedInSession> SignInWithPassword(string organisation, string email, string password) =>
        SignIn(organisation, "/api/auth/sign-in", new { email, password });

    public async Task<SignedInSession> SignInPlatformAdmin()
    {
        var email = $"admin-{Guid.NewGuid():N}@platform.example";
        await Host.Services.GetRequiredService<OrganiserAccounts>().EnsurePlatformAdminAsync(email, "Quản trị nền tảng", "platform admin password", CancellationToken.None);
        return await SignIn(Organisation, "/api/auth/sign-in", new { email, password = "platform admin password" });
    }

    /// <summary>A new organisation (tenant) of this test's own.</summary>
    public async Task<string> CreateOrganisation(string prefix)
    {
        var slug = $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 40)];
        await Host.Services.GetRequiredService<global::Contests.Api.Organisations.OrganisationDirectory>().EnsureAsync(slug, $"Tổ chức {slug}", Actor.System, CancellationToken.None);
        return slug;
    }

    public async Task<string> IssueCode(string role, string displayName, TimeSpan? validFor = null, Guid? principalId = null, string? organisation = null)
    {
        await using var session = Store.LightweightSession(organisation ?? Organisation);
        var (code, _) = await SignInCodes.IssueAsync(
            session, role, displayName, validFor ?? TimeSpan.FromDays(1), Actor.System, Clock.GetUtcNow(), principalId ?? Guid.CreateVersion7(),
            CancellationToken.None);
        return code;
    }

    public Task<SignedInSession> SignInWithCode(string code, string? organisation = null) =>
        SignIn(organisation ?? Organisation, "/api/auth/sign-in-code", new { code });

    /// <summary>The address prefix of an organisation: requests under it act in that organisation.</summary>
    public static string Under(string organisation, string path) => $"/o/{organisation}{path}";

    private async Task<SignedInSession> SignIn(string organisation, string path, object body)
    {
        using var client = Host.Server.CreateClient();
        var signIn = await client.PostAsJsonAsync(Under(organisation, path), body);
        signIn.EnsureSuccessStatusCode();
        var cookies = Cookies(signIn);

        using var meRequest = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        meRequest.Headers.Add("Cookie", cookies);
        var me = await client.SendAsync(meRequest);
        me.EnsureSuccessStatusCode();
        var current = (await me.Content.ReadFromJsonAsync<CurrentUser>())!;
        return new SignedInSession($"{cookies}; {Cookies(me)}", current.AntiforgeryToken);
    }

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(value => value.Split(';')[0])
            : []);

    /// <summary>A change to an existing stream: body, session and the If-Match version (none, to test the 428).</summary>
    public Task<IScenarioResult> Change(HttpMethod method, string url, object? body, string role, string? ifMatch, int expectedStatus) =>
        Change(method, url, body, SessionFor(role), ifMatch, expectedStatus);

    public async Task<IScenarioResult> Change(
        HttpMethod method, string url, object? body, Task<SignedInSession> sessionTask, string? ifMatch, int expectedStatus)
    {
        var session = await sessionTask;
        return await Host.Scenario(scenario =>
        {
            var send = method == HttpMethod.Put ? scenario.Put : method == HttpMethod.Delete ? scenario.Delete : scenario.Post;
            if (body is null)
            {
                send.Url(url);
            }
            else
            {
                send.Json(body).ToUrl(url);
            }

            session.Apply(scenario);
            if (ifMatch is not null)
            {
                scenario.WithRequestHeader("If-Match", ifMatch);
            }

            scenario.StatusCodeShouldBe(expectedStatus);
        });
    }

    /// <summary>Any request, answered as it comes: for tests that look at statuses, headers and bodies of many endpoints.</summary>
    public async Task<HttpResponseMessage> Send(
        HttpMethod method, string path, SignedInSession? session = null, object? body = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var client = Host.Server.CreateClient();
        using var request = new HttpRequestMessage(method, path)
        {
            Content = body switch
            {
                null => null,
                HttpContent content => content,
                _ => JsonContent.Create(body, body.GetType(), options: AppJson.Options),
            },
        };
        session?.Apply(request);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    /// <summary>Uploads a file as multipart form data through HTTP, as the organiser console does.</summary>
    public async Task<HttpResponseMessage> Upload(string url, byte[] content, string fileName, SignedInSession session, string? mapping = null)
    {
        using var client = Host.Server.CreateClient();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        if (mapping is not null)
        {
            form.Add(new StringContent(mapping), "mapping");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = form };
        request.Headers.Add("Cookie", session.Cookie);
        request.Headers.Add("X-XSRF-TOKEN", session.AntiforgeryToken);
        request.Headers.Add("Accept-Language", "vi");
        return await client.SendAsync(request);
    }

    /// <summary>A contest of this test's own, created through the API.</summary>
    public async Task<ContestView> CreateContest(string? name = null)
    {
        var organiser = await SessionFor(Roles.Organiser);
        var result = await Host.Scenario(scenario =>
        {
            scenario.Post.Json(Requests.Contest(name ?? $"Robocon thử {Guid.NewGuid():N}")).ToUrl("/api/contests");
            organiser.Apply(scenario);
            scenario.StatusCodeShouldBe(201);
        });
        return (await result.ReadAsJsonAsync<ContestView>())!;
    }
}

public sealed record SignedInSession(string Cookie, string AntiforgeryToken)
{
    public void Apply(Scenario scenario)
    {
        scenario.WithRequestHeader("Cookie", Cookie);
        scenario.WithRequestHeader("X-XSRF-TOKEN", AntiforgeryToken);
    }

    public void Apply(HttpRequestMessage request)
    {
        request.Headers.Add("Cookie", Cookie);
        request.Headers.Add("X-XSRF-TOKEN", AntiforgeryToken);
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}
