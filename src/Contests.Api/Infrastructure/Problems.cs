using Contests.Domain.Registration;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Contests.Api.Infrastructure;

/// <summary>
/// RFC 7807 answers for every refusal. Each carries a stable <c>code</c> for programs and a localised message for
/// people; validation problems also say, per field, which rule was broken.
/// </summary>
public static class Problems
{
    public static ProblemHttpResult Refused(int status, string code, params object[] arguments)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = Texts.Get(code, arguments),
            Type = $"https://contests.example/problems/{code}",
        };
        problem.Extensions["code"] = code;
        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult NotFound(string code) => Refused(StatusCodes.Status404NotFound, code);

    public static ProblemHttpResult Conflict(string code, string? field = null) =>
        field is null ? Refused(StatusCodes.Status409Conflict, code) : Invalid(StatusCodes.Status409Conflict, [new RuleViolation(field, code)]);

    public static ProblemHttpResult Invalid(IReadOnlyList<RuleViolation> violations) =>
        Invalid(StatusCodes.Status422UnprocessableEntity, violations);

    private static ProblemHttpResult Invalid(int status, IReadOnlyList<RuleViolation> violations)
    {
        var problem = new ValidationProblemDetails(
            violations.GroupBy(violation => violation.Field).ToDictionary(
                group => group.Key,
                group => group.Select(Message).ToArray()))
        {
            Status = status,
            Title = violations.Count == 1 ? Message(violations[0]) : Texts.Get("request-invalid", violations.Count),
            Type = $"https://contests.example/problems/{violations[0].Rule}",
        };
        problem.Extensions["code"] = violations.Count == 1 ? violations[0].Rule : "request-invalid";
        problem.Extensions["rules"] = violations.GroupBy(violation => violation.Field).ToDictionary(
            group => group.Key,
            group => group.Select(violation => violation.Rule).ToArray());
        return TypedResults.Problem(problem);
    }

    private static string Message(RuleViolation violation) =>
        violation.Limit is { } limit ? Texts.Get(violation.Rule, limit) : Texts.Get(violation.Rule);
}
