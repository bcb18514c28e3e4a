using Contests.Api.Matches;

namespace Contests.Api.Tests.Security;

/// <summary>What the matrix needs to call one endpoint as one caller.</summary>
public sealed record CallContext(SecurityWorld World, Caller Caller);

/// <summary>
/// One endpoint (its HTTP method and route exactly as mapped) and, per <see cref="Caller"/> in column order, the
/// outcome: A (allowed), 401, 403 or 404. <paramref name="Body"/> gives a request body (JSON object or HttpContent);
/// without one a POST or PUT sends {}. Bodies are valid where validation would otherwise answer before access is
/// decided, so that "A" means the request really got through. <paramref name="EndsSession"/> marks a call made with a
/// fresh session of the caller, because it ends the session it is made with. An endpoint that takes any method is
/// called with <paramref name="CallWith"/> (GET unless named).
/// </summary>
public sealed record MatrixRow(
    string Method, string Route, string Columns, Func<CallContext, Task<object?>>? Body = null, bool EndsSession = false, string? CallWith = null)
{
    public string Key => $"{Method} {Route}";

    public IReadOnlyDictionary<Caller, Outcome> Expected { get; } = Parse(Columns);

    private static Dictionary<Caller, Outcome> Parse(string columns)
    {
        var cells = columns.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var callers = Enum.GetValues<Caller>();
        if (cells.Length != callers.Length)
        {
            throw new InvalidOperationException($"A matrix row has {cells.Length} columns; there are {callers.Length} callers: {columns}");
        }

        return callers.Zip(cells).ToDictionary(pair => pair.First, pair => pair.Second switch
        {
            "A" => Outcome.Allowed,
            "401" => Outcome.Unauthenticated,
            "403" => Outcome.Forbidden,
            "404" => Outcome.Hidden,
            _ => throw new InvalidOperationException($"Unknown outcome {pair.Second} in: {columns}"),
        });
    }
}

/// <summary>
/// The declared authorization matrix: every endpoint the API maps, and what each caller gets. The test calls every
/// endpoint as every caller and compares; an endpoint missing here, or a row for an endpoint that no longer exists,
/// fails it. Add a capability's endpoints as one line each.
/// Columns: anonymous, team of another contest, team, judge not assigned, judge, head judge, referee, head referee,
/// district organiser of another district, district organiser, organiser of another organisation, organiser, platform
/// administrator.
/// </summary>
public static class AuthorizationMatrix
{
    /// <summary>The method of an endpoint that declares none and takes any (SignalR's hub endpoints).</summary>
    public const string AnyMethod = "ANY";

    //                                                          anon teamX team judgX judge headJ ref headR distX dist orgX org admin
    private const string Everyone                           = "A    A     A    A     A     A     A   A    A     A    A    A   A";
    private const string EveryoneWithinTheOrganisation      = "A    A     A    A     A     A     A   A    A     A    404  A   A";
    private const string SignedIn                           = "401  A     A    A     A     A     A   A    A     A    A    A   A";
    private const string OrganisersOwnData                  = "401  403   403  403   403   403   403 403  403   403  A    A   403";
    private const string OrganisersById                     = "401  403   403  403   403   403   403 403  403   403  404  A   403";
    private const string TheTeamItsDistrictAndOrganisers    = "401  403   A    403   403   403   403 403  403   A    404  A   403";
    private const string Registrants                        = "A    A     A    403   403   403   403 403  403   A    404  A   A";
    private const string DistrictOrganisersOfItsDistrict    = "401  403   403  403   403   403   403 403  403   A    404  A   403";
    private const string AnyOrganiser                       = "401  403   403  403   403   403   403 403  A     A    404  A   403";
    private const string PlatformAdministrators             = "401  403   403  403   403   403   403 403  403   403  403  403 A";
    private const string Judges                             = "401  403   403  A     A     A     403 403  403   403  403  403 403";
    private const string MatchOfficials                     = "401  403   403  403   403   403   A   A    403   403  404  A   403";
    private const string Referees                           = "401  403   403  403   403   403   A   A    403   403  403  403 403";
    private const string HeadReferees                       = "401  403   403  403   403   403   403 A    403   403  403  403 403";
    private const string OrganisersAndHeadReferees          = "401  403   403  403   403   403   403 A    403   403  404  A   403";
    private const string OrganisersAndHeadJudges            = "401  403   403  403   403   A     403 403  403   403  404  A   403";
    private const string AnyOrganiserById                   = "401  403   403  403   403   403   403 403  A     A    404  A   403";
    private const string ItsRecipient                       = "401  404   A    404   404   404   404 404  404   404  404  404 404";
    private const string TheTeamOnly                        = "401  403   A    403   403   403   403 403  403   403  403  403 403";
    // Judging: the judge caller is assigned the team's entry; the unassigned judge and the head judge are judges of the
    // same contest given nothing (a head judge reads the round's results, not entries it was not given). Score writes refuse a request without an Idempotency-Key (the matrix sends none) before they look at the
    // assignment; Judging/ScoreEntryTests refuses the unassigned judge with a key.
    private const string TheTeamItsDistrictOrganisersAndJudges = "401  403   A    403   A     403   403 403  403   A    404  A   403";
    private const string JudgesAssignedTheEntry             = "401  403   403  403   A     403   403 403  403   403  403  403 403";
    private const string TheSheetsJudgeHeadJudgesOrganisers = "401  403   403  403   A     A     403 403  403   403  404  A   403";

    public static IReadOnlyList<MatrixRow> Rows { get; } =
    [
        // Access
        new("GET", "/api/auth/me", Everyone),
        new("POST", "/api/auth/sign-in", Everyone, context => Json(context.World.FreshCredentials(context.World.OrganisationOf(context.Caller)))),
        new("POST", "/api/auth/sign-in-code", Everyone, async context => new { code = await context.World.FreshCode(context.World.OrganisationOf(context.Caller)) }),
        new("POST", "/api/auth/sign-out", SignedIn, EndsSession: true),
        new("POST", "/api/access/sign-in-codes/", OrganisersOwnData, _ => Json(new { role = "Judge", displayName = "Giám khảo ma trận" })),
        new("GET", "/api/access/sign-in-codes/", OrganisersOwnData),
        new("DELETE", "/api/access/sign-in-codes/{code}", OrganisersById),
        new("POST", "/api/access/sign-in-codes/{codeId:guid}/revoke", OrganisersById),
        new("POST", "/api/access/organisers", OrganisersOwnData),
        new("GET", "/api/access/users", OrganisersOwnData),
        new("PUT", "/api/access/users/{accountId:guid}/role", OrganisersById, _ => Json(new { role = "Organiser" })),
        new("POST", "/api/access/users/{accountId:guid}/disable", OrganisersById),
        new("POST", "/api/access/users/{accountId:guid}/enable", OrganisersById),
        new("GET", "/api/access/sessions", OrganisersOwnData),
        new("DELETE", "/api/access/sessions/{sessionId:guid}", OrganisersById),
        new("GET", "/api/access/audit", OrganisersOwnData),

        // Platform
        new("GET", "/api/platform/organisations", PlatformAdministrators),
        new("POST", "/api/platform/organisations", PlatformAdministrators),
        new("POST", "/api/platform/organisations/{slug}/organisers", PlatformAdministrators),
        new("GET", "/api/platform/audit", PlatformAdministrators),
        new(AnyMethod, "/hangfire/{**path}", PlatformAdministrators),

        // Contests
        new("GET", "/api/contests/", Everyone),
        new("GET", "/api/contests/{contestId:guid}", EveryoneWithinTheOrganisation),
        new("POST", "/api/contests/", OrganisersOwnData),
        new("POST", "/api/contests/{contestId:guid}/divisions", OrganisersById, context => Json(new { code = context.World.Unique("B"), name = "Bảng ma trận" })),
        new("PUT", "/api/contests/{contestId:guid}/rounds", OrganisersById, _ => Json(new { rounds = new[] { new { name = "Vòng loại", level = "Province", type = "JudgedSubmissions" } } })),
        new("PUT", "/api/contests/{contestId:guid}/registration-rules", OrganisersById),

        // Registration
        new("POST", "/api/contests/{contestId:guid}/teams", Registrants, context => Json(context.World.TeamForm())),
        new("GET", "/api/contests/{contestId:guid}/teams/{teamId:guid}", TheTeamItsDistrictAndOrganisers),
        new("GET", "/api/contests/{contestId:guid}/teams/{teamId:guid}/history", TheTeamItsDistrictAndOrganisers),
        new("PUT", "/api/contests/{contestId:guid}/teams/{teamId:guid}", TheTeamItsDistrictAndOrganisers, context => Json(context.World.TeamForm())),
        new("POST", "/api/contests/{contestId:guid}/teams/{teamId:guid}/approve", OrganisersById),
        new("POST", "/api/contests/{contestId:guid}/teams/{teamId:guid}/return", OrganisersById, _ => Json(new { reason = "Thiếu ảnh" })),
        new("POST", "/api/contests/{contestId:guid}/teams/{teamId:guid}/withdraw", TheTeamItsDistrictAndOrganisers),
        new("POST", "/api/contests/{contestId:guid}/teams/approve", OrganisersById, context => Json(new { teamIds = new[] { context.World.TeamId } })),
        new("POST", "/api/contests/{contestId:guid}/imports", OrganisersById, context => Task.FromResult<object?>(ImportForm(context.World))),
        new("POST", "/api/contests/{contestId:guid}/imports/{importId:guid}/commit", OrganisersById),
        new("GET", "/api/contests/{contestId:guid}/imports/template.csv", OrganisersOwnData),
        new("POST", "/api/contests/{contestId:guid}/teams/{teamId:guid}/nomination", DistrictOrganisersOfItsDistrict),
        new("DELETE", "/api/contests/{contestId:guid}/teams/{teamId:guid}/nomination", DistrictOrganisersOfItsDistrict),
        new("POST", "/api/contests/{contestId:guid}/nominations/{district}/close", DistrictOrganisersOfItsDistrict),
        new("GET", "/api/contests/{contestId:guid}/nominations", AnyOrganiser),
        new("GET", "/api/contests/{contestId:guid}/teams/summary", OrganisersById),
        new("GET", "/api/contests/{contestId:guid}/teams", EveryoneWithinTheOrganisation),
        new("GET", "/api/contests/{contestId:guid}/districts", EveryoneWithinTheOrganisation),

        // Rounds and entries
        new("GET", "/api/contests/{contestId:guid}/rounds/", EveryoneWithinTheOrganisation),
        new("GET", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/schedule", EveryoneWithinTheOrganisation),
        new("PUT", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/schedule", OrganisersById),
        new("POST", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/cancel", OrganisersById, _ => Json(new { reason = "Ma trận" })),
        new("POST", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/publish-now", OrganisersById),
        new("GET", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/timeline", AnyOrganiserById),
        new("GET", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/advancement", AnyOrganiserById),
        new("POST", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/advancement/{teamId:guid}", OrganisersById, _ => Json(new { reason = "Ma trận" })),
        new("POST", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/advancement/{teamId:guid}/reverse", OrganisersById, _ => Json(new { reason = "Ma trận" })),
        new("GET", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/entries/{teamId:guid}", TheTeamItsDistrictAndOrganisers),
        new("POST", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/entries/{teamId:guid}/revisions", TheTeamOnly, context => Task.FromResult<object?>(EntryForm(context.World))),
        new("GET", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/entries/{teamId:guid}/files/{sha256}", TheTeamItsDistrictOrganisersAndJudges),
        new("GET", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/submissions", AnyOrganiserById),
        new("GET", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/judged-entries", OrganisersById),
        new("GET", "/api/notifications/", SignedIn),
        new("POST", "/api/notifications/{notificationId:guid}/read", ItsRecipient),

        // Judging
        new("GET", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/judging", EveryoneWithinTheOrganisation),
        new("PUT", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/judging/rubric", OrganisersById),
        new("PUT", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/judging/settings", OrganisersById),
        new("GET", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/panels", OrganisersById),
        new("POST", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/panels", OrganisersById, context => Json(new { name = context.World.Unique("Hội đồng"), divisions = new[] { SecurityWorld.Division } })),
        new("PUT", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/panels/{panelId:guid}", OrganisersById, context => Json(new { name = "Hội đồng ma trận", divisions = new[] { SecurityWorld.Division }, fields = new[] { context.World.Unique("Lĩnh vực") } })),
        new("DELETE", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/panels/{panelId:guid}", OrganisersById),
        new("GET", "/api/contests/{contestId:guid}/judges", OrganisersById),
        new("POST", "/api/contests/{contestId:guid}/judges", OrganisersById, context => Json(new { name = context.World.Unique("Giám khảo") })),
        new("GET", "/api/contests/{contestId:guid}/judges/{judgeId:guid}", OrganisersById),
        new("PUT", "/api/contests/{contestId:guid}/judges/{judgeId:guid}", OrganisersById, _ => Json(new { name = "Giám khảo ma trận" })),
        new("DELETE", "/api/contests/{contestId:guid}/judges/{judgeId:guid}", OrganisersById),
        new("POST", "/api/contests/{contestId:guid}/judges/{judgeId:guid}/sign-in-code", OrganisersById),
        new("GET", "/api/judging/me", Judges),

        // Awards
        new("GET", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/awards/", OrganisersById),
        new("PUT", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/awards/", OrganisersById),
        new("POST", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/awards/{division}/preview", OrganisersById),
        new("POST", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/awards/{division}/overrides", OrganisersById),
        new("POST", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/awards/{division}/decision", OrganisersById),
        new("GET", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/awards/{division}/certificates", OrganisersById),
        new("GET", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/awards/{division}/certificates.pdf", OrganisersById),
        new("GET", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/awards/public", EveryoneWithinTheOrganisation),
        new("GET", "/api/certificates/{code}", EveryoneWithinTheOrganisation),
        new("GET", "/certificates/{code}", EveryoneWithinTheOrganisation),
        new("GET", "/certificates/certificate.css", Everyone),

        // Exports
        new("GET", "/api/contests/{contestId:guid}/exports/", AnyOrganiserById),
        new("GET", "/api/contests/{contestId:guid}/exports/{export}", AnyOrganiserById),

        // Matches
        new("GET", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/matches/board", EveryoneWithinTheOrganisation),
        new("GET", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/matches/board/live", OrganisersById),
        new("GET", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/matches/board/phone", EveryoneWithinTheOrganisation),
        new("GET", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/matches/", MatchOfficials),
        new("PUT", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/matches/game", OrganisersById),
        new("PUT", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/matches/teams", OrganisersById),
        new("POST", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/matches/draw", OrganisersById),
        new("POST", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/matches/bracket", OrganisersById),
        new("POST", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/matches/delays", OrganisersAndHeadReferees),
        new("POST", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/matches/lots", OrganisersAndHeadReferees),
        new("GET", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/matches/{code}", MatchOfficials),
        new("POST", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/matches/{code}/result", Referees),
        new("POST", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/matches/{code}/live", Referees),
        new("POST", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/matches/{code}/confirm", HeadReferees),
        new("POST", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/matches/{code}/return", HeadReferees),
        new("POST", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/matches/{code}/correction", HeadReferees),
        // Judging: results, progress, outliers, history, side by side (head judges of the contest too; see JudgingResultsTests)
        new("GET", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/judging/results", OrganisersAndHeadJudges),
        new("GET", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/judging/progress", OrganisersAndHeadJudges),
        new("GET", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/judging/outliers", OrganisersAndHeadJudges),
        new("GET", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/judging/entries/{entryId:guid}/history", OrganisersAndHeadJudges),
        new("GET", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/judging/side-by-side", OrganisersAndHeadJudges),
        new("GET", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/results/teams/{teamId:guid}", TheTeamItsDistrictAndOrganisers),
        new("GET", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/results/public", EveryoneWithinTheOrganisation),
        new("PUT", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/judging/tie-orders/{division}", OrganisersById, _ => Json(new { entryIds = new[] { Guid.NewGuid() } })),
        // Judging: assignments, scoring, lock
        new("GET", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/assignments", OrganisersById),
        new("POST", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/assignments", OrganisersById),
        new("POST", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/assignments/{entryId:guid}/judges", OrganisersById),
        new("DELETE", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/assignments/{entryId:guid}/judges/{judgeId:guid}", OrganisersById),
        new("GET", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/judging/lock", OrganisersById),
        new("POST", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/judging/lock", OrganisersById),
        new("POST", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/judging/unlock", OrganisersById),
        new("GET", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/scoring/{entryId:guid}", JudgesAssignedTheEntry),
        new("PUT", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/scoring/{entryId:guid}/draft", Judges),
        new("POST", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/scoring/{entryId:guid}/submit", Judges),
        new("POST", "/api/contests/{contestId:guid}/rounds/{roundId:guid}/scoring/{entryId:guid}/judges/{judgeId:guid}/correction", TheSheetsJudgeHeadJudgesOrganisers),
        new("GET", "/api/judging/worklist", Judges),

        // Leaderboards
        new("GET", "/api/contests/{contestId:guid}/boards/{kind}/{boardId:guid}/freeze", OrganisersById),
        new("POST", "/api/contests/{contestId:guid}/boards/{kind}/{boardId:guid}/freeze", OrganisersById),
        new("POST", "/api/contests/{contestId:guid}/boards/{kind}/{boardId:guid}/reveal/next", OrganisersById),
        new("POST", "/api/contests/{contestId:guid}/boards/{kind}/{boardId:guid}/reveal", OrganisersById),

        // Infrastructure
        new(AnyMethod, "/health", Everyone),
        new(AnyMethod, "/hubs/live/negotiate", Everyone, CallWith: "POST"),
        new(AnyMethod, "/hubs/live", Everyone),
    ];

    /// <summary>Values for the route parameters, all of organisation A; fresh ones where a call consumes what it names.</summary>
    /// <remarks>
    /// A name can mean different things on different routes: a round is the match round under /matches and a round
    /// nobody else uses for cancelling; a code is a match's, a certificate's or a fresh sign-in code.
    /// </remarks>
    public static async Task<string> Parameter(string name, string method, string route, SecurityWorld world) => name switch
    {
        "contestId" => world.ContestId.ToString(),
        "teamId" => world.TeamId.ToString(),
        "importId" => world.ImportId.ToString(),
        "entryId" => world.EntryId.ToString(),
        "district" => SecurityWorld.District,
        "roundId" when route.Contains("/matches", StringComparison.Ordinal) => world.MatchRoundId.ToString(),
        "roundId" when route.EndsWith("/cancel", StringComparison.Ordinal) => world.SpareRoundId.ToString(),
        "roundId" => world.RoundId.ToString(),
        "panelId" => (method == "DELETE" ? await world.FreshPanel() : world.PanelId).ToString(),
        "judgeId" when route.Contains("/assignments/", StringComparison.Ordinal) => world.OtherJudgeId.ToString(),
        "judgeId" => (method == "DELETE" ? await world.FreshJudge() : world.JudgeId).ToString(),
        "division" => SecurityWorld.Division,
        "export" => "registrations-teams",
        "sha256" => world.EntryFile,
        "notificationId" => world.NotificationId.ToString(),
        "code" when route.Contains("/matches/", StringComparison.Ordinal) => world.MatchCode,
        "code" when route.Contains("certificates/", StringComparison.Ordinal) => world.CertificateCode,
        "code" => await world.FreshCode(),
        "codeId" => (await world.FreshCodeId()).ToString(),
        "accountId" => (await world.FreshAccountId()).ToString(),
        "sessionId" => (await world.FreshSessionId()).ToString(),
        "slug" => world.OrganisationB,
        "kind" => MatchBoard.Kind,
        "boardId" => world.MatchRoundId.ToString(),
        "path" => string.Empty,
        _ => throw new InvalidOperationException($"The matrix has no value for the route parameter {{{name}}}: add one to AuthorizationMatrix.Parameter."),
    };

    private static async Task<object?> Json(Task<object> body) => await body;

    private static Task<object?> Json(object body) => Task.FromResult<object?>(body);

    /// <summary>A revision that keeps the entry's file, so that later rows can still fetch it.</summary>
    private static MultipartFormDataContent EntryForm(SecurityWorld world) => new()
    {
        { new StringContent(world.EntryFile), "keepFiles" },
        { new StringContent("Robot ma trận"), "title" },
        { new StringContent("Bài dự thi của phép thử quyền."), "description" },
        { new StringContent("https://video.example/ma-tran"), "videoLinks" },
    };

    private static MultipartFormDataContent ImportForm(SecurityWorld world)
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(world.ImportFile()), "file", "ma-tran.csv");
        return form;
    }
}
