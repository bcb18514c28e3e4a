using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Contests.Api.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Contests.Api.Tests.Security;

/// <summary>
/// Calls every mapped endpoint as every caller and compares what each gets with <see cref="AuthorizationMatrix"/>.
/// The endpoints come from the running app, so a new endpoint without a row fails here until someone decides who may
/// call it.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class AuthorizationMatrixTests(AppFixture app, ITestOutputHelper output)
{
    private static readonly int[] RequestRefusals = [400, 409, 412, 413, 422, 428];

    private IReadOnlyList<string> MappedEndpoints() =>
        app.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [AuthorizationMatrix.AnyMethod])
                .Select(method => $"{method} {endpoint.RoutePattern.RawText}"))
            .Distinct()
            .ToList();

    [Fact]
    public void every_mapped_endpoint_has_exactly_one_row_and_every_row_an_endpoint()
    {
        var mapped = MappedEndpoints();
        var declared = AuthorizationMatrix.Rows.Select(row => row.Key).ToList();

        var missing = mapped.Except(declared).ToList();
        var stale = declared.Except(mapped).ToList();

        Assert.True(missing.Count == 0, "Endpoints missing from the authorization matrix (add a row to Security/AuthorizationMatrix.cs): " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "Matrix rows for endpoints that are not mapped: " + string.Join(", ", stale));
        Assert.Equal(declared.Count, declared.Distinct().Count());
    }

    [Fact]
    public async Task every_caller_gets_what_the_matrix_declares_from_every_endpoint()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var world = await SecurityWorld.SharedAsync(app);
        var mismatches = new List<string>();
        foreach (var row in AuthorizationMatrix.Rows)
        {
            // The callers of one row run side by side: every outcome but "allowed" is decided before anything is written,
            // and what concurrent allowed calls do to each other (a stale version, a conflict) is still "allowed".
            var answers = await Task.WhenAll(row.Expected.Select(async pair => (pair.Key, pair.Value, Answer: await Call(world, row, pair.Key))));
            mismatches.AddRange(answers
                .Where(answer => Classify(answer.Answer.Status) != answer.Value)
                .Select(answer => $"{row.Key} as {answer.Key}: expected {answer.Value}, got {answer.Answer.Status} {answer.Answer.Code}"));
        }

        output.WriteLine($"{AuthorizationMatrix.Rows.Count} endpoints × {Enum.GetValues<Caller>().Length} callers in {watch.ElapsedMilliseconds} ms");
        output.WriteLine(string.Join(Environment.NewLine, mismatches));
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} calls differ from the matrix:{Environment.NewLine}{string.Join(Environment.NewLine, mismatches)}");
    }

    [Fact]
    public void the_classification_tells_a_refusal_of_access_from_a_refusal_of_the_request()
    {
        Assert.Equal(Outcome.Allowed, Classify(201));
        Assert.Equal(Outcome.Allowed, Classify(422));
        Assert.Equal(Outcome.Unauthenticated, Classify(401));
        Assert.Equal(Outcome.Forbidden, Classify(403));
        Assert.Equal(Outcome.Hidden, Classify(404));
        Assert.Null(ClassifyOrNull(500));
        Assert.Null(ClassifyOrNull(429));
    }

    private static Outcome Classify(int status) => ClassifyOrNull(status) ?? (Outcome)(-1);

    private static Outcome? ClassifyOrNull(int status) => status switch
    {
        >= 200 and < 400 => Outcome.Allowed,
        401 => Outcome.Unauthenticated,
        403 => Outcome.Forbidden,
        404 => Outcome.Hidden,
        _ when RequestRefusals.Contains(status) => Outcome.Allowed,
        _ => null,
    };

    private Task<(int Status, string? Code)> Call(SecurityWorld world, MatrixRow row, Caller caller) => Call(app, world, row, caller);

    /// <summary>
    /// One endpoint called as one caller, the way the matrix calls it: the row's body, If-Match "1", the caller's session;
    /// at <paramref name="resolvedPath"/> when the caller has already made what the route names.
    /// </summary>
    public static async Task<(int Status, string? Code)> Call(AppFixture app, SecurityWorld world, MatrixRow row, Caller caller, string? resolvedPath = null)
    {
        var path = resolvedPath ?? await Resolve(row.Route, world, row.Method);
        var session = row.EndsSession ? await world.FreshSessionOf(caller) : world.SessionOf(caller);
        using var request = new HttpRequestMessage(new HttpMethod(row.Method == AuthorizationMatrix.AnyMethod ? row.CallWith ?? "GET" : row.Method), path);
        var body = row.Body is null ? (row.Method is "POST" or "PUT" ? new { } : null) : await row.Body(new CallContext(world, caller));
        request.Content = body switch
        {
            null => null,
            HttpContent content => content,
            _ => JsonContent.Create(body, body.GetType(), options: AppJson.Options),
        };
        // Versioned changes name a version, so that access is decided before the version is.
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        session?.Apply(request);

        using var client = app.Host.Server.CreateClient();
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, ProblemCode(text));
    }

    /// <summary>A route with its parameters filled in from the world, as the matrix calls it.</summary>
    public static async Task<string> Resolve(string route, SecurityWorld world, string method = "GET")
    {
        var path = route;
        foreach (Match parameter in RouteParameter().Matches(route))
        {
            path = path.Replace(parameter.Value, Uri.EscapeDataString(await AuthorizationMatrix.Parameter(parameter.Groups["name"].Value, method, route, world)), StringComparison.Ordinal);
        }

        return path;
    }

    private static string? ProblemCode(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"\{\**(?<name>[A-Za-z][A-Za-z0-9]*)(:[^}]+)?\}")]
    private static partial Regex RouteParameter();
}
