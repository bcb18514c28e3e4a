namespace Contests.Api.Tests.Support;

/// <summary>The parts of a ProblemDetails answer the tests read.</summary>
public sealed record ProblemBody(
    string? Type,
    string? Title,
    int? Status,
    string? Code,
    Dictionary<string, string[]>? Errors,
    Dictionary<string, string[]>? Rules);
