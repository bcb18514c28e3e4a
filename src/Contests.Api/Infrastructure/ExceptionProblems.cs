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
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (StatusCodes.Status413PayloadTooLarge, "request-too-large"),
        BadHttpRequestException or JsonException => (StatusCodes.Status400BadRequest, "request-malformed"),
        AntiforgeryValidationException => (StatusCodes.Status400BadRequest, "antiforgery-failed"),
        ConcurrencyException or EventStreamUnexpectedMaxEventIdException => (StatusCodes.Status412PreconditionFailed, "version-stale"),
        _ => (StatusCodes.Status500InternalServerError, "unexpected"),
    };
}
