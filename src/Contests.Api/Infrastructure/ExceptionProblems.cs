using System.Text.Json;
using JasperFx;
using JasperFx.Events;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Contests.Api.Infrastructure;

/// <summary>
/// The one place exceptions become answers: shape errors are 400, lost optimistic-concurrency races 412, and
/// anything else a 500 that tells the person a request id and nothing about the server's insides.
/// </summary>
internal sealed class ExceptionProblems(IProblemDetailsService problemDetails, ILogger<ExceptionProblems> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code) = Classify(exception);
        if (status >= 500)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }
        else
        {
            logger.LogInformation("Refused {Method} {Path}: {Code}", httpContext.Request.Method, httpContext.Request.Path, code);
        }

        httpContext.Response.StatusCode = status;
        var problem = new ProblemDetails
        {
            Status = status,
            Title = status >= 500 ? Texts.Get(code, httpContext.TraceIdentifier) : Texts.Get(code),
            Type = $"https://contests.example/problems/{code}",
        };
        problem.Extensions["code"] = code;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static (int Status, string Code) Classify(Exception exception) => exception switch
    {
        _ when IsTooLarge(exception) => (StatusCodes.Status413PayloadTooLarge, "request-too-large"),
        BadHttpRequestException or JsonException => (StatusCodes.Status400BadRequest, "request-malformed"),
        AntiforgeryValidationException => (StatusCodes.Status400BadRequest, "antiforgery-failed"),
        ConcurrencyException or EventStreamUnexpectedMaxEventIdException => (StatusCodes.Status412PreconditionFailed, "version-stale"),
        // Two requests created the same stream or document at the same moment (e.g. two organisers closing one list):
        // the loser's answer is a conflict to retry, and the retry finds what the winner did.
        _ when IsUniqueViolation(exception) => (StatusCodes.Status409Conflict, "concurrent-change"),
        _ => (StatusCodes.Status500InternalServerError, "unexpected"),
    };

    /// <summary>A body cut off at its limit, also when the JSON reader or the form reader wrapped the refusal in its own.</summary>
    private static bool IsTooLarge(Exception? exception) =>
        exception is not null &&
        (exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } || IsTooLarge(exception.InnerException));

    private static bool IsUniqueViolation(Exception? exception) =>
        exception switch
        {
            null => false,
            Marten.Exceptions.ExistingStreamIdCollisionException or DocumentAlreadyExistsException => true,
            Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } => true,
            AggregateException aggregate => aggregate.InnerExceptions.Any(IsUniqueViolation),
            _ => IsUniqueViolation(exception.InnerException),
        };
}
