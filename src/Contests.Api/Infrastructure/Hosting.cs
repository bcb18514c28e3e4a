using System.Text.Json.Serialization;
using Contests.Api.Access;
using Contests.Api.Awards;
using Contests.Api.Contests;
using Contests.Api.Demo;
using Contests.Api.Judging;
using Contests.Api.Exports;
using Contests.Api.Entries;
using Contests.Api.Notifications;
using Contests.Api.Rounds;

using Contests.Api.Leaderboards;
using Contests.Api.Matches;
using Contests.Api.Organisations;
using Contests.Api.Registration;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Schema;
using Marten.Schema.Indexing.Unique;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.FileProviders;
using Weasel.Core;

namespace Contests.Api.Infrastructure;

/// <summary>Wires the capabilities to the host; the capabilities themselves live in their feature folders.</summary>
public static class Hosting
{
    public static WebApplicationBuilder AddContests(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = builder.Configuration.GetSection(ContestsOptions.Section).Get<ContestsOptions>() ?? new ContestsOptions();
        var connectionString = ContestsOptions.ConnectionString(builder.Configuration);
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);

        // One JSON object per line in production, for log shippers; one readable line in development. Both carry the
        // request id (also sent to clients as X-Request-Id and inside every ProblemDetails answer).
        builder.Logging.ClearProviders();
        if (builder.Environment.IsProduction())
        {
            builder.Logging.AddJsonConsole(console => console.IncludeScopes = true);
        }
        else
        {
            builder.Logging.AddSimpleConsole(console =>
            {
                console.IncludeScopes = true;
                console.SingleLine = true;
                console.TimestampFormat = "HH:mm:ss ";
            });
        }

        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["requestId"] = context.HttpContext.TraceIdentifier);
        services.AddExceptionHandler<ExceptionProblems>();
        services.Configure<RouteHandlerOptions>(routing => routing.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            json.SerializerOptions.Converters.Add(new TextWithoutNulConverter());
        });
        services.AddRequestLocalization(localization =>
        {
            string[] cultures = ["vi-VN", "vi", "en"];
            localization.SetDefaultCulture("vi-VN").AddSupportedCultures(cultures).AddSupportedUICultures(cultures);
            localization.FallBackToParentUICultures = true;
        });

        services.AddHttpContextAccessor();
        services.AddSingleton<OrganisationDirectory>();
        services.AddHostedService<DefaultOrganisationSetup>();
        AddMarten(services, builder.Environment, options, connectionString);
        AddHangfire(services, options, connectionString);
        AddSignInServices(services, options);
        services.AddSharedKeyRing(options);

        var signalR = services.AddSignalR().AddJsonProtocol(json =>
            json.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        if (!string.IsNullOrWhiteSpace(options.Redis))
        {
            signalR.AddStackExchangeRedis(options.Redis, redis => redis.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("contests"));
        }

        services.AddEndpointsApiExplorer();
        services.AddOpenApiDocument(document =>
        {
            document.Title = "Contests API";
            document.Description = "Contest management for provincial science & technology associations.";
        });

        services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgres")
            .AddCheck<HangfireHealthCheck>("hangfire");

        // ASP.NET Core Identity's hasher (PBKDF2, HMAC-SHA512, 100,000 iterations unless PasswordHasherOptions says otherwise).
        services.AddSingleton<Microsoft.AspNetCore.Identity.IPasswordHasher<OrganiserAccount>, Microsoft.AspNetCore.Identity.PasswordHasher<OrganiserAccount>>();
        services.AddSingleton<OrganiserAccounts>();
        services.AddSingleton<CertificatePdf>();
        services.AddSingleton<IFreezableBoard, MatchBoardFreezing>();
        services.AddRounds().AddEntries(builder.Configuration).AddNotifications(builder.Configuration);
        if (options.SeedDemo)
        {
            services.AddHostedService<DemoSeeder>();
        }

        return builder;
    }

    private static void AddMarten(IServiceCollection services, IHostEnvironment environment, ContestsOptions options, string connectionString)
    {
        var marten = services.AddMarten(provider =>
        {
            var store = new StoreOptions();
            store.Connection(connectionString);
            store.DatabaseSchemaName = options.Schema;
            store.Events.DatabaseSchemaName = options.Schema;
            store.Events.StreamIdentity = StreamIdentity.AsGuid;
            store.Events.UseListenNotifyForEventAppends = options.WakeDaemonOnAppend;
            store.UseSystemTextJsonForSerialization(EnumStorage.AsString);
            // Development creates and migrates the schema itself; production applies it on purpose with `db-apply`.
            store.AutoCreateSchemaObjects = environment.IsProduction() ? AutoCreate.None : AutoCreate.CreateOrUpdate;

            store.AddOrganisations();
            store.AddAccess();
            store.Projections.Snapshot<Contest>(SnapshotLifecycle.Inline);
            store.Projections.Snapshot<Team>(SnapshotLifecycle.Inline);
            store.Projections.Snapshot<DistrictNominations>(SnapshotLifecycle.Inline);
            store.Projections.Add<DistrictBoardProjection>(ProjectionLifecycle.Async);
            store.AddJudging();
            store.AddScoring();
            store.AddAwards();
            store.AddMatches();
            store.AddExports();
            store.AddLeaderboards();
            store.AddRounds();
            store.AddEntries();
            store.AddNotifications();
            store.Projections.AsyncListeners.Add(new BoardPublisher(
                provider.GetRequiredService<IHubContext<LiveHub>>(), provider.GetRequiredService<ILogger<BoardPublisher>>()));

            store.Schema.For<Team>()
                .Index(team => team.ContestId)
                // Registration asks "is any of these members already in a team?" with jsonb's ?| on this array.
                .Index(team => team.MemberKeys, index => index.Method = Weasel.Postgresql.Tables.IndexMethod.gin)
                .UniqueIndex(UniqueIndexType.Computed, "team_name_per_contest", TenancyScope.PerTenant, team => team.ContestId, team => team.NameKey);
            return store;
        }).BuildSessionsWith<TenantSessionFactory>();

        if (!environment.IsProduction())
        {
            marten.ApplyAllDatabaseChangesOnStartup();
        }

        if (options.RunProjectionDaemon)
        {
            // Solo, not HotCold: HotCold's leader election fails with the DistributedLock.Postgres stand-in (stack notes).
            marten.AddAsyncDaemon(DaemonMode.Solo);
        }
    }

    private static void AddHangfire(IServiceCollection services, ContestsOptions options, string connectionString)
    {
        services.AddHangfire(hangfire => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(
                storage => storage.UseNpgsqlConnection(connectionString),
                new PostgreSqlStorageOptions { SchemaName = options.HangfireSchema, PrepareSchemaIfNecessary = true }));
        if (options.RunJobServer)
        {
            services.AddHangfireServer(server => server.WorkerCount = Math.Max(2, Environment.ProcessorCount));
        }
    }

    private static void AddSignInServices(IServiceCollection services, ContestsOptions options)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(cookie =>
            {
                // HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it), Secure whenever the
                // request came over HTTPS (behind a proxy: ASPNETCORE_FORWARDEDHEADERS_ENABLED=true).
                cookie.Cookie.Name = "contests.session";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.SlidingExpiration = true;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
                // An API answers 401/403; the web app shows its own sign-in screen.
                cookie.Events.OnRedirectToLogin = context => Answer(context.Response, StatusCodes.Status401Unauthorized);
                cookie.Events.OnRedirectToAccessDenied = context => Answer(context.Response, StatusCodes.Status403Forbidden);
                cookie.Events.OnValidatePrincipal = UserSessions.ValidateAsync;
            });
        services.AddAuthorization(Policies.Add);
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.HeaderName = "X-XSRF-TOKEN";
            antiforgery.Cookie.Name = "contests.xsrf";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddSignInLimits(options.SignInLimits);
    }

    private static Task Answer(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }

    public static WebApplication UseContests(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<ContestsOptions>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSecurityHeaders(app.Environment);
        app.UseRequestLocalization();
        app.UseOrganisationAddresses();
        app.UseRequestLimits();

        if (WebRoot(options) is { } webRoot)
        {
            var files = new PhysicalFileProvider(webRoot);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        }

        app.UseOpenApi(openApi =>
        {
            openApi.Path = "/api/docs/openapi.json";
            // Without a server list the document is the same on every host, so its committed snapshot stays stable.
            openApi.PostProcess = (document, _) => document.Servers.Clear();
        });
        app.UseSwaggerUi(swagger =>
        {
            swagger.Path = "/api/docs";
            swagger.DocumentPath = "/api/docs/openapi.json";
        });

        // Routing after the organisation's prefix has left the path, so /o/{slug}/api/… finds the same endpoints.
        app.UseRouting();
        app.UseRequestBodyLimits();
        app.UseAuthentication();
        app.UseOrganisationOfSession();
        app.UseRateLimiter();
        app.UseAuthorization();

        var api = app.MapGroup(string.Empty).AddEndpointFilter<AntiforgeryForCookieWrites>();
        api.MapAccess();
        api.MapPlatform();
        api.MapContests();
        api.MapRegistration();
        api.MapJudging();
        api.MapJudgingResults();
        api.MapScoring();
        api.MapAwards();
        api.MapExports();
        api.MapMatches();
        api.MapRounds();
        api.MapEntries();
        api.MapNotifications();
        api.MapBoardFreezes();

        app.MapHub<LiveHub>(LiveHub.Path).AllowPublic();
        app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            ResponseWriter = HealthReportWriter.WriteJson,
        }).AllowPublic();
        // The dashboard lists and can trigger or delete the jobs of every organisation: platform administrators only.
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            // Endpoint authorization below decides; Hangfire's own default would allow local requests only.
            Authorization = [new AllowAuthorizedEndpoint()],
            DashboardTitle = "Contests — jobs",
        }).RequireAuthorization(Policies.PlatformAdmin);
        return app;
    }

    private static string? WebRoot(ContestsOptions options)
    {
        var candidate = options.WebRoot ?? FindUpwards(Path.Combine("web", "dist"));
        return candidate is not null && Directory.Exists(candidate) ? Path.GetFullPath(candidate) : null;
    }

    private static string? FindUpwards(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private sealed class AllowAuthorizedEndpoint : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => true;
    }
}
