namespace Contests.Api.Infrastructure;

public static class EndpointMetadata
{
    /// <summary>
    /// The refusals every change to an existing stream can answer: unknown id (404), a rule of the current state
    /// (409), a stale or missing If-Match (412, 428), a shape or rule violation in the request (422).
    /// </summary>
    public static RouteHandlerBuilder ProducesVersionedChangeProblems(this RouteHandlerBuilder builder) =>
        builder
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
}
