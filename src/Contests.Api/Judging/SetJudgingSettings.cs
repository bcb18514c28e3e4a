using Contests.Api.Access;
using Contests.Domain.Judging;
using Contests.Domain.Registration;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Judging;

/// <summary>Organisers set how a judged round is aggregated and ranked, and how many judges each entry gets.</summary>
public static class SetJudgingSettings
{
    /// <summary>Tie-breaks may name only criteria of the rubric as it stands.</summary>
    public static (JudgingSettingsSet? Set, IReadOnlyList<RuleViolation> Violations) Decide(
        JudgedRound judged, RoundJudging current, JudgingSettingsForm form, Actor actor, DateTimeOffset now)
    {
        var (settings, violations) = JudgingSetup.ReadSettings(form, current.Rubric);
        return settings is null ? (null, violations) : (new JudgingSettingsSet(judged.Contest.Id, judged.Round.Id, settings, actor, now), []);
    }

    public static Task<Results<Ok<RoundJudgingView>, ProblemHttpResult>> Handle(
        Guid contestId, Guid roundId, JudgingSettingsForm request, HttpContext httpContext, IDocumentSession session, TimeProvider clock,
        CancellationToken cancellationToken) =>
        JudgedRounds.Change(contestId, roundId, httpContext, session,
            (judged, current) => Decide(judged, current, request, Actor.From(httpContext.User), clock.GetUtcNow()),
            cancellationToken);
}
