using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;
using Contests.Api.Tests.Support;

namespace Contests.Api.Tests.Infrastructure;

/// <summary>
/// The web app's TypeScript types are generated from web/src/api/openapi.json. This test fails when the API no longer
/// matches that snapshot, so the front end and the API cannot drift apart silently. `make openapi` refreshes it.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class OpenApiSnapshotTests(AppFixture app)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task the_committed_openapi_snapshot_matches_the_api()
    {
        var result = await app.Host.Scenario(scenario => scenario.Get.Url("/api/docs/openapi.json"));
        var live = JsonNode.Parse(await result.ReadAsTextAsync())!;
        Assert.NotNull(live["paths"]!["/api/contests/{contestId}/teams"]);

        var snapshotPath = Path.Combine(RepositoryRoot(), "web", "src", "api", "openapi.json");
        var liveText = live.ToJsonString(Indented) + "\n";
        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI_SNAPSHOT") == "1")
        {
            await File.WriteAllTextAsync(snapshotPath, liveText);
        }

        Assert.True(File.Exists(snapshotPath), $"{snapshotPath} is missing: run `make openapi`.");
        var snapshot = JsonNode.Parse(await File.ReadAllTextAsync(snapshotPath))!;
        Assert.True(
            JsonNode.DeepEquals(live, snapshot),
            "The API changed but web/src/api/openapi.json did not: run `make openapi` and commit the result.");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Contests.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Contests.sln not found above the test assembly.");
    }
}
