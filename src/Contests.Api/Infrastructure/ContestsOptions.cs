namespace Contests.Api.Infrastructure;

/// <summary>The "Contests" configuration section; every value can be overridden by environment (Contests__Schema=…).</summary>
public sealed class ContestsOptions
{
    public const string Section = "Contests";

    /// <summary>PostgreSQL schema holding Marten's documents and events; tests use one schema per run.</summary>
    public string Schema { get; set; } = "contests";

    /// <summary>PostgreSQL schema for Hangfire's tables.</summary>
    public string HangfireSchema { get; set; } = "hangfire";

    /// <summary>Runs Hangfire's job server in this process. Off in tests, which call job classes directly.</summary>
    public bool RunJobServer { get; set; } = true;

    /// <summary>Runs Marten's async daemon (Solo mode: one node). Exactly one process of a deployment should.</summary>
    public bool RunProjectionDaemon { get; set; } = true;

    /// <summary>
    /// Appends NOTIFY PostgreSQL, so the projection daemon (in whichever process runs it) wakes at once instead of at its
    /// next idle poll, up to a second later. Off only where LISTEN cannot work, such as behind a transaction-pooling
    /// PgBouncer; set it the same in every process of a deployment.
    /// </summary>
    public bool WakeDaemonOnAppend { get; set; } = true;

    /// <summary>Folder with the built web front end (web/dist); when missing the API still runs without pages.</summary>
    public string? WebRoot { get; set; }

    /// <summary>Loads the Bắc Giang Robocon 2024 demo on start; idempotent.</summary>
    public bool SeedDemo { get; set; }

    /// <summary>Redis for the SignalR backplane when several API processes serve the boards.</summary>
    public string? Redis { get; set; }

    /// <summary>
    /// A folder holding the data-protection keys that seal sign-in cookies, shared by every API process of a deployment
    /// (a network share or a synchronised folder). Unset: the user's own key folder, enough for processes on one host.
    /// </summary>
    public string? DataProtectionKeys { get; set; }

    /// <summary>
    /// The organisation (tenant) of requests that name none in their address (<c>/o/{slug}/…</c>) and carry no session,
    /// so a deployment serving one organising body keeps its plain addresses.
    /// </summary>
    public string DefaultOrganisation { get; set; } = "bac-giang";

    public string DefaultOrganisationName { get; set; } = "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bắc Giang";

    /// <summary>How many sign-in attempts one client address may make per window (password and code alike).</summary>
    public Access.SignInLimits SignInLimits { get; set; } = new();

    /// <summary>The value of CONTESTS_DB wins over ConnectionStrings:Contests so a user can point at their own server.</summary>
    public static string ConnectionString(IConfiguration configuration) =>
        configuration["CONTESTS_DB"] is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : configuration.GetConnectionString("Contests")
              ?? throw new InvalidOperationException(
                  "No database configured: set CONTESTS_DB or ConnectionStrings:Contests (make db prints one).");
}
