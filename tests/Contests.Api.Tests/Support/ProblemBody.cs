namespace Contests.Api.Tests.Support;

/// <summary>The parts of a ProblemDetails answer the tests read.</summary>
public sealed record ProblemBody(
    string? Type,
    string? Title,
    int? Status,
    string? Code,
    Dictionary<string, string[]>? Errors,
    Dictionary<string, string[]>? Rules);

public static class ResponseReading
{
    public static async Task<T> Json<T>(this HttpResponseMessage response) =>
        (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<T>(response.Content, AppJson.Options))!;

    public static async Task<string?> ProblemCode(this HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType == "application/problem+json" ? (await response.Json<ProblemBody>()).Code : null;
}
