using Microsoft.AspNetCore.Authorization;

namespace Contests.Api.Access;

/// <summary>
/// Every endpoint names one of these, or is public on purpose through <see cref="AllowPublic{TBuilder}"/>;
/// a test enumerates the mapped endpoints and fails on any that does neither.
/// </summary>
public static class Policies
{
    public const string Organiser = "organiser";
    public const string PlatformAdmin = "platform-admin";
    public const string SignedIn = "signed-in";

    /// <summary>Province organisers, and district organisers within their district (checked by the handler).</summary>
    public const string AnyOrganiser = "any-organiser";

    /// <summary>Anyone may register a team, except a judge or referee session: they must not create what they will score.</summary>
    public const string Registrant = "registrant";

    /// <summary>Judges and head judges, signed in with their personal code.</summary>
    public const string Judge = "judge";

    /// <summary>Referees and the head referee score matches.</summary>
    public const string Referee = "referee";

    public const string HeadReferee = "head-referee";

    /// <summary>Who may correct a score sheet (the handler decides whose): judges, head judges, organisers.</summary>
    public const string ScoreCorrection = "score-correction";

    /// <summary>Who reads a match round's officials' view: organisers, referees, the head referee.</summary>
    public const string MatchOfficial = "match-official";

    /// <summary>Who runs the day's timetable (delays, lots): organisers and the head referee.</summary>
    public const string MatchControl = "match-control";

    /// <summary>Who reads a judged round's results, progress and score history: organisers and head judges (of the contest, checked by the handler).</summary>
    public const string JudgingOverseer = "judging-overseer";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Referee, policy => policy.RequireRole(Roles.Referee, Roles.HeadReferee));
        options.AddPolicy(HeadReferee, policy => policy.RequireRole(Roles.HeadReferee));
        options.AddPolicy(MatchOfficial, policy => policy.RequireRole(Roles.Organiser, Roles.Referee, Roles.HeadReferee));
        options.AddPolicy(MatchControl, policy => policy.RequireRole(Roles.Organiser, Roles.HeadReferee));
        options.AddPolicy(Organiser, policy => policy.RequireRole(Roles.Organiser));
        options.AddPolicy(PlatformAdmin, policy => policy.RequireRole(Roles.PlatformAdmin));
        options.AddPolicy(SignedIn, policy => policy.RequireAuthenticatedUser());
        options.AddPolicy(AnyOrganiser, policy => policy.RequireRole(Roles.Organiser, Roles.DistrictOrganiser));
        options.AddPolicy(Registrant, policy => policy.RequireAssertion(context =>
            !context.User.IsInRole(Roles.Judge) && !context.User.IsInRole(Roles.HeadJudge) &&
            !context.User.IsInRole(Roles.Referee) && !context.User.IsInRole(Roles.HeadReferee)));
        options.AddPolicy(Judge, policy => policy.RequireRole(Roles.Judge, Roles.HeadJudge));
        options.AddPolicy(JudgingOverseer, policy => policy.RequireRole(Roles.Organiser, Roles.HeadJudge));
        options.AddPolicy(ScoreCorrection, policy => policy.RequireRole(Roles.Judge, Roles.HeadJudge, Roles.Organiser));
    }

    public static TBuilder AllowPublic<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AllowAnonymous().WithMetadata(new PublicOnPurpose());
}

/// <summary>Marks an endpoint as deliberately open to the public (boards, registration form, sign-in).</summary>
public sealed class PublicOnPurpose;
