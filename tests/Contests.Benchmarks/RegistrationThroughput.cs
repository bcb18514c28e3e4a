using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Contests.Api.Access;
using Contests.Api.Registration;
using Contests.Testing;
using JasperFx;
using JasperFx.Events;
using Marten;
using Npgsql;

namespace Contests.Benchmarks;

/// <summary>
/// Team registrations per second through the real HTTP API (validation, duplicate check, append, inline snapshot,
/// async board projection), beside bare event appends per second straight through Marten, in the same run on the
/// same database, so the ratio says what the API's work costs on top of the event store.
/// </summary>
public static class RegistrationThroughput
{
    public static async Task<IReadOnlyList<string>> RunAsync(ServerProcess server, HttpClient organiser, int teams, int concurrency)
    {
        var contestId = await BenchContest.CreateAsync(organiser, "Robocon hiệu năng");

        using var anonymous = new HttpClient { BaseAddress = server.BaseAddress };
        await Register(anonymous, contestId, "warm-up");
        var http = await Measure(teams, concurrency, index => Register(anonymous, contestId, index.ToString(CultureInfo.InvariantCulture)));

        var schema = $"bench_marten_{Guid.NewGuid():N}"[..24];
        var marten = await MeasureMartenAppends(schema, teams, concurrency);

        return
        [
            $"bench registrations_http_per_s {http:F0} /s",
            $"bench appends_marten_per_s {marten:F0} /s",
            $"bench registrations_http_to_marten_ratio {http / marten:F2} ratio",
        ];
    }

    internal static async Task<double> Measure(int count, int concurrency, Func<int, Task> operation)
    {
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                await operation(index);
            }
        }));
        return count / watch.Elapsed.TotalSeconds;
    }

    private static async Task Register(HttpClient client, Guid contestId, string suffix)
    {
        var response = await client.PostAsJsonAsync($"/api/contests/{contestId}/teams", new
        {
            name = $"Đội Hiệu Năng {suffix}",
            school = "Trường THCS Hiệu Năng",
            district = "Việt Yên",
            divisionCode = "THCS",
            contactPhone = "0912345678",
            contactEmail = "bench@thcs.edu.vn",
            members = new[] { new { fullName = "Nguyễn Văn An", grade = 8 }, new { fullName = "Trần Thị Bình", grade = 8 } },
            mentors = new[] { new { fullName = "Lê Thu Hà", phone = "0977123456", email = "ha@thcs.edu.vn" } },
        });
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"registration {suffix} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static async Task<double> MeasureMartenAppends(string schema, int count, int concurrency)
    {
        await using var store = DocumentStore.For(options =>
        {
            options.Connection(ServerProcess.ConnectionString);
            options.DatabaseSchemaName = schema;
            options.Events.DatabaseSchemaName = schema;
            options.AutoCreateSchemaObjects = AutoCreate.All;
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var contestId = Guid.NewGuid();
        Task Append(int index)
        {
            var teamId = Guid.CreateVersion7();
            return AppendOne(store, new TeamRegistered(
                teamId, contestId, TeamCodes.For(teamId), $"Đội {index}", "Trường", "Việt Yên", "THCS", "0912345678", "a@b.vn",
                [new TeamMember("Nguyễn Văn An", null, 8, null, null), new TeamMember("Trần Thị Bình", null, 8, null, null)],
                [new TeamMentor("Lê Thu Hà", "0977123456", "ha@thcs.edu.vn")],
                Actor.System, DateTimeOffset.UtcNow));
        }

        try
        {
            await Append(-1);
            return await Measure(count, concurrency, Append);
        }
        finally
        {
            await using var connection = new NpgsqlConnection(ServerProcess.ConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"drop schema if exists {schema} cascade", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static async Task AppendOne(IDocumentStore store, TeamRegistered registered)
    {
        await using var session = store.LightweightSession();
        session.Events.StartStream(registered.TeamId, registered);
        await session.SaveChangesAsync();
    }
}
