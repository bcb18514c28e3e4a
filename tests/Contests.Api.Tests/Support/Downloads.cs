using System.Net.Http.Headers;

namespace Contests.Api.Tests.Support;

/// <summary>Downloads a file through HTTP as the organiser console's links do (cookie session, GET).</summary>
public static class Downloads
{
    public static async Task<HttpResponseMessage> Get(this AppFixture app, string url, SignedInSession? session)
    {
        using var client = app.Host.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (session is not null)
        {
            request.Headers.Add("Cookie", session.Cookie);
        }

        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("vi"));
        return await client.SendAsync(request);
    }

    public static async Task<byte[]> Bytes(this AppFixture app, string url, SignedInSession session)
    {
        using var response = await app.Get(url, session);
        Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadAsByteArrayAsync();
    }
}
