using System.Net.Http.Json;
using System.Text.Json;

namespace Contests.Testing;

/// <summary>The JSON calls tests and benchmarks make to a running server, as the web app makes them.</summary>
public static class JsonCalls
{
    /// <summary>
    /// Sends <paramref name="body"/> as JSON (no body when null) with If-Match and Idempotency-Key when given. A refusal
    /// throws with the status and the server's answer; an empty answer comes back as an undefined element.
    /// </summary>
    public static async Task<JsonElement> SendJsonAsync(
        this HttpClient client, HttpMethod method, string url, object? body, string? ifMatch = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{method} {url}: {(int)response.StatusCode} {text}");
        }

        if (text.Length == 0)
        {
            return default;
        }

        using var answer = JsonDocument.Parse(text);
        return answer.RootElement.Clone();
    }
}
