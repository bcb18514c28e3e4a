using System.Net;
using System.Text;
using Contests.Api.Access;
using Contests.Api.Tests.Support;

namespace Contests.Api.Tests.Security;

/// <summary>Bodies are limited whatever the server in front, and a NUL character never reaches PostgreSQL.</summary>
[Collection(AppCollection.Name)]
public sealed class RequestLimitsTests(AppFixture app)
{
    [Fact]
    public async Task a_json_body_over_one_megabyte_is_refused_with_413()
    {
        var body = new StringContent($"{{\"name\":\"{new string('a', 1_100_000)}\"}}", Encoding.UTF8, "application/json");

        var answer = await app.Send(HttpMethod.Post, "/api/auth/sign-in", body: body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.StatusCode);
        Assert.Equal("request-too-large", await answer.ProblemCode());
    }

    [Fact]
    public async Task a_chunked_body_without_a_length_is_cut_off_at_the_limit()
    {
        var contest = await app.CreateContest();
        var body = new ChunkedContent(new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($"{{\"name\":\"{new string('b', 1_100_000)}\"}}"))));
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var answer = await app.Send(HttpMethod.Post, $"/api/contests/{contest.Id}/teams", body: body);

        Assert.True(answer.StatusCode == HttpStatusCode.RequestEntityTooLarge, await answer.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/api/contests?x=%00")]
    [InlineData("/api/contests/00000000-0000-0000-0000-000000000000/teams?search=a%00b")]
    public async Task a_nul_character_in_the_address_is_a_malformed_request(string path)
    {
        var answer = await app.Send(HttpMethod.Get, path);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("request-malformed", await answer.ProblemCode());
    }

    [Fact]
    public async Task a_nul_character_in_json_text_is_a_malformed_request()
    {
        var organiser = await app.SessionFor(Roles.Organiser);

        var answer = await app.Send(HttpMethod.Post, "/api/contests", organiser, Requests.Contest("Tên có\0NUL"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("request-malformed", await answer.ProblemCode());
    }

    /// <summary>Sends its content without a Content-Length, as a chunked upload does.</summary>
    private sealed class ChunkedContent(HttpContent inner) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => inner.CopyToAsync(stream, context);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
