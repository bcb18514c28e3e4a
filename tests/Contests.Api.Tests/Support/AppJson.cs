using System.Text.Json;
using System.Text.Json.Serialization;

namespace Contests.Api.Tests.Support;

/// <summary>Reads the API's JSON as the web app does: camelCase, enums as strings.</summary>
public static class AppJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}
