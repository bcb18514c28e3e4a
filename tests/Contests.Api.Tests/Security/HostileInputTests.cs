using System.Collections;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Contests.Api.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Contests.Api.Tests.Security;

/// <summary>
/// Malformed, oversized and hostile input sent to every endpoint that reads a body, as the most trusted caller the
/// matrix allows (so that nothing is refused merely for lack of access). Input that is not a well-formed request
/// must be refused with a 4xx ProblemDetails and leave no event behind. Text that is only hostile in what it says
/// (script tags, SQL, formulas) may be legitimate free text: it must never cause a 5xx, and is either refused or
/// stored as the text it is. The bodies are built from each endpoint's own request type, so new endpoints are covered
/// as soon as they are mapped.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class HostileInputTests(AppFixture app, ITestOutputHelper output)
{
    private static readonly Caller[] MostTrustedFirst =
        [Caller.Organiser, Caller.PlatformAdmin, Caller.DistrictOrganiser, Caller.Team, Caller.HeadJudge, Caller.Judge, Caller.HeadReferee, Caller.Referee, Caller.Anonymous];

    /// <summary>Texts that are hostile in content but could be someone's legitimate text.</summary>
    private static readonly string[] HostileTexts =
    [
        "<script>alert('xss')</script>",
        "\"><img src=x onerror=alert(1)>",
        "'; DROP TABLE mt_events; --",
        "' OR '1'='1",
        "=HYPERLINK(\"http://evil.example\",\"bấm vào\")",
        "\u202Egnp.exe",
        "\u0007\u001b[31m",
        new string('Đ', 20_000),
    ];

    /// <summary>A refused sign-in is recorded for the audit log on purpose; no other refusal may write an event.</summary>
    private static readonly string[] RecordedOnPurpose = ["password_sign_in_failed", "password_sign_in_locked", "code_sign_in_failed"];

    private sealed record WriteEndpoint(MatrixRow Row, Caller Caller, Type? JsonBody, bool Form);

    [Fact]
    public async Task malformed_and_oversized_bodies_are_refused_with_a_4xx_problem_and_write_nothing()
    {
        var world = await SecurityWorld.SharedAsync(app);
        var failures = new List<string>();
        foreach (var endpoint in WriteEndpoints().Where(endpoint => endpoint.JsonBody is not null))
        {
            foreach (var (name, body) in MalformedBodies(endpoint.JsonBody!))
            {
                await Expect(world, endpoint, name, body, mustRefuse: true, failures);
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task hostile_text_in_every_field_never_causes_a_server_error()
    {
        var world = await SecurityWorld.SharedAsync(app);
        var failures = new List<string>();
        foreach (var endpoint in WriteEndpoints().Where(endpoint => endpoint.JsonBody is not null))
        {
            foreach (var text in HostileTexts)
            {
                var body = JsonSerializer.SerializeToUtf8Bytes(Instance(endpoint.JsonBody!, text, world, depth: 0), AppJson.Options);
                await Expect(world, endpoint, $"every text = {Describe(text)}", Json(body), mustRefuse: false, failures);
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task hostile_uploads_are_refused_by_their_content_and_write_nothing()
    {
        var world = await SecurityWorld.SharedAsync(app);
        var failures = new List<string>();
        var zipHeader = new byte[] { 0x50, 0x4B, 0x03, 0x04 };
        (string Name, byte[] Content, string FileName)[] refused =
        [
            ("empty", [], "trong.csv"),
            ("binary noise", RandomBytes(4096), "nhieu.xlsx"),
            ("a zip that is not a workbook", [.. zipHeader, .. RandomBytes(4096)], "hong.xlsx"),
            ("an executable named .csv", [0x4D, 0x5A, 0x90, 0x00, .. RandomBytes(512)], "virus.csv"),
            ("Windows-1258 text", Encoding.Latin1.GetBytes("Tên đội,Trường\r\nĐội Một,THCS\r\n"), "cu.csv"),
            ("NUL bytes", new byte[2048], "nul.csv"),
            ("UTF-16 without its BOM", Encoding.Unicode.GetBytes("Tên đội,Trường\r\n"), "utf16.csv"),
            ("over 10 MB", new byte[(11 * 1024 * 1024) + 1], "lon.csv"),
        ];
        var import = WriteEndpoints().Single(endpoint => endpoint.Form && endpoint.Row.Route.EndsWith("/imports", StringComparison.Ordinal));
        foreach (var (name, content, fileName) in refused)
        {
            var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName } };
            await Expect(world, import, name, form, mustRefuse: true, failures);
        }

        // A hostile file name is not a reason to refuse the file: it is kept as a plain name, without folders.
        foreach (var fileName in new[] { "../../etc/passwd", "..\\..\\windows\\win.ini", "<script>alert(1)</script>.csv", new string('x', 5000) + ".csv" })
        {
            var form = new MultipartFormDataContent { { new ByteArrayContent(world.ImportFile()), "file", fileName } };
            var answer = await app.Send(HttpMethod.Post, $"/api/contests/{world.ContestId}/imports", world.SessionOf(Caller.Organiser), form);
            var preview = await answer.Json<global::Contests.Api.Registration.Import.ImportPreview>();
            if (answer.StatusCode != HttpStatusCode.OK || preview.FileName.Contains('/', StringComparison.Ordinal) || preview.FileName.Contains('\\', StringComparison.Ordinal) ||
                preview.FileName.Length > 200)
            {
                failures.Add($"file name {Describe(fileName)}: {(int)answer.StatusCode} {preview.FileName}");
            }
        }

        var mapping = new MultipartFormDataContent
        {
            { new ByteArrayContent(world.ImportFile()), "file", "ok.csv" },
            { new StringContent("{\"TeamName\": 999, \"x\": \"<script>\"}"), "mapping" },
        };
        await Expect(world, import, "a hostile column mapping", mapping, mustRefuse: true, failures);
        await Expect(world, import, "no file at all", new MultipartFormDataContent { { new StringContent("x"), "other" } }, mustRefuse: true, failures);

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task hostile_query_strings_and_route_values_never_cause_a_server_error()
    {
        var world = await SecurityWorld.SharedAsync(app);
        var organiser = world.SessionOf(Caller.Organiser);
        const string query = "?search=%3Cscript%3E&district=%27%20OR%201%3D1%20--&division=%27&status=Nope&page=-2147483649&pageSize=99999999999&before=not-a-date&limit=-5";
        var failures = new List<string>();
        foreach (var row in AuthorizationMatrix.Rows.Where(row => row.Method == "GET"))
        {
            var path = await AuthorizationMatrixTests.Resolve(row.Route, world) + query;
            var answer = await app.Send(HttpMethod.Get, path, organiser);
            if ((int)answer.StatusCode >= 500)
            {
                failures.Add($"GET {path}: {(int)answer.StatusCode}");
            }
        }

        string[] routes =
        [
            $"/api/contests/{world.ContestId}/nominations/%27%3B%20DROP%20TABLE%20mt_events%3B--/close",
            $"/api/contests/{world.ContestId}/nominations/{Uri.EscapeDataString(new string('x', 5000))}/close",
            "/api/access/sign-in-codes/%3Cscript%3E",
            "/api/platform/organisations/..%2F..%2Fetc/organisers",
        ];
        foreach (var path in routes)
        {
            var answer = await app.Send(path.Contains("sign-in-codes", StringComparison.Ordinal) ? HttpMethod.Delete : HttpMethod.Post, path, organiser, new { });
            if ((int)answer.StatusCode >= 500 || (int)answer.StatusCode < 400)
            {
                failures.Add($"{path}: {(int)answer.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private async Task Expect(SecurityWorld world, WriteEndpoint endpoint, string payload, HttpContent body, bool mustRefuse, List<string> failures)
    {
        var path = await AuthorizationMatrixTests.Resolve(endpoint.Row.Route, world, endpoint.Row.Method);
        var session = endpoint.Row.EndsSession ? await world.FreshSessionOf(endpoint.Caller) : world.SessionOf(endpoint.Caller);
        var before = await app.EventCount(RecordedOnPurpose);
        var answer = await app.Send(new HttpMethod(endpoint.Row.Method), path, session, body, new Dictionary<string, string> { ["If-Match"] = "\"1\"" });
        var status = (int)answer.StatusCode;
        var isProblem = answer.Content.Headers.ContentType?.MediaType == "application/problem+json";
        var written = await app.EventCount(RecordedOnPurpose) - before;
        var what = $"{endpoint.Row.Key} as {endpoint.Caller} with {payload}";
        if (status >= 500)
        {
            failures.Add($"{what}: {status} {await answer.Content.ReadAsStringAsync()}");
        }
        else if (mustRefuse && (status is < 400 or > 499 || !isProblem || written != 0))
        {
            failures.Add($"{what}: {status}, problem {isProblem}, {written} event(s) written");
        }
        else if (status >= 400 && (!isProblem || written != 0))
        {
            failures.Add($"{what}: refused with {status} but problem {isProblem}, {written} event(s) written");
        }

        output.WriteLine($"{status} {what}");
    }

    private IEnumerable<WriteEndpoint> WriteEndpoints()
    {
        var endpoints = app.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        foreach (var row in AuthorizationMatrix.Rows.Where(row => row.Method is "POST" or "PUT" or "PATCH" or "DELETE"))
        {
            var endpoint = endpoints.Single(candidate =>
                candidate.RoutePattern.RawText == row.Route && candidate.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains(row.Method) == true);
            var accepts = endpoint.Metadata.GetMetadata<IAcceptsMetadata>();
            // A row no caller of the matrix may call (a head referee's) is left to its role's own tests.
            var caller = MostTrustedFirst.FirstOrDefault(candidate => row.Expected[candidate] == Outcome.Allowed, Caller.Anonymous);
            var form = accepts?.ContentTypes.Contains("multipart/form-data") == true;
            if (accepts is not null && row.Expected[caller] == Outcome.Allowed)
            {
                yield return new WriteEndpoint(row, caller, form ? null : accepts.RequestType, form);
            }
        }
    }

    private static IEnumerable<(string Name, HttpContent Body)> MalformedBodies(Type bodyType)
    {
        // Bytes aimed at a field the endpoint reads: its first text field, or its first field of any kind (then the
        // text is also of the wrong type).
        var field = JsonNamingPolicy.CamelCase.ConvertName(
            (Properties(bodyType).FirstOrDefault(property => property.PropertyType == typeof(string)) ?? Properties(bodyType).First()).Name);
        yield return ("truncated JSON", Json(Encoding.UTF8.GetBytes($"{{\"{field}\":")));
        yield return ("an array instead of an object", Json("[1,2,3]"u8.ToArray()));
        yield return ("JSON nested 10,000 deep", Json(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat($"{{\"{field}\":", 10_000)) + "1" + new string('}', 10_000))));
        yield return ("invalid UTF-8", Json([.. Encoding.UTF8.GetBytes($"{{\"{field}\":\""), 0xC3, 0x28, 0xFF, .. "\"}"u8]));
        yield return ("a 2 MB string", Json(Encoding.UTF8.GetBytes($"{{\"{field}\":\"{new string('x', 2 * 1024 * 1024)}\"}}")));
        yield return ("an object for every field", Json(JsonSerializer.SerializeToUtf8Bytes(
            Properties(bodyType).ToDictionary(property => JsonNamingPolicy.CamelCase.ConvertName(property.Name), _ => (object)new { a = 1 }))));
        if (HasText(bodyType, 0))
        {
            yield return ("NUL in every text", Json(JsonSerializer.SerializeToUtf8Bytes(Instance(bodyType, "tên\0độc", null, 0), AppJson.Options)));
            yield return ("a lone surrogate in every text", Json(Encoding.UTF8.GetBytes(
                JsonSerializer.Serialize(Instance(bodyType, "SURROGATE", null, 0), AppJson.Options).Replace("SURROGATE", "\\ud800", StringComparison.Ordinal))));
        }

        yield return ("a number beyond every type in every field", Json(Encoding.UTF8.GetBytes(
            "{" + string.Join(",", Properties(bodyType).Select(property => $"\"{JsonNamingPolicy.CamelCase.ConvertName(property.Name)}\":1e400")) + "}")));
    }

    private static ByteArrayContent Json(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }

    /// <summary>A plausible instance of a request type with <paramref name="text"/> in every text field, at every depth.</summary>
    private static object? Instance(Type type, string text, SecurityWorld? world, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return text;
        }

        if (type == typeof(Guid))
        {
            return world?.TeamId ?? Guid.Empty;
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(decimal) || type == typeof(double))
        {
            return 1;
        }

        if (type == typeof(bool))
        {
            return true;
        }

        if (type == typeof(DateOnly))
        {
            return new DateOnly(2011, 3, 14);
        }

        if (type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            return new DateTimeOffset(2024, 6, 1, 8, 0, 0, TimeSpan.FromHours(7));
        }

        if (type.IsEnum)
        {
            return Enum.GetNames(type)[0];
        }

        if (depth > 3)
        {
            return null;
        }

        if (IsDictionary(type))
        {
            var value = type.GetGenericArguments()[1];
            return new Dictionary<string, object?> { [text.Length > 200 ? text[..200] : text] = Instance(value, text, world, depth + 1) };
        }

        if (typeof(IEnumerable).IsAssignableFrom(type))
        {
            var element = type.IsArray ? type.GetElementType()! : type.GetGenericArguments().FirstOrDefault() ?? typeof(string);
            return new[] { Instance(element, text, world, depth + 1) };
        }

        return Properties(type).ToDictionary(
            property => JsonNamingPolicy.CamelCase.ConvertName(property.Name),
            property => Instance(property.PropertyType, text, world, depth + 1));
    }

    private static bool IsDictionary(Type type) =>
        type.IsGenericType && type.GetInterfaces().Append(type).Any(candidate =>
            candidate.IsGenericType && (candidate.GetGenericTypeDefinition() == typeof(IDictionary<,>) || candidate.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)));

    private static bool HasText(Type type, int depth) =>
        depth <= 3 && Properties(type).Any(property =>
            property.PropertyType == typeof(string) ||
            (property.PropertyType.IsGenericType && property.PropertyType.GetGenericArguments().Any(argument => argument == typeof(string) || (argument.IsClass && HasText(argument, depth + 1)))) ||
            (property.PropertyType.IsClass && property.PropertyType != typeof(string) && HasText(property.PropertyType, depth + 1)));

    private static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(property => property.CanRead && property.GetIndexParameters().Length == 0);

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }

    private static string Describe(string text) => text.Length > 40 ? $"{text[..10]}… ({text.Length} characters)" : JsonSerializer.Serialize(text);
}
