using Contests.Benchmarks;
using Contests.Testing;

// Benchmarks, not tests: each figure is one line "bench NAME VALUE UNIT"; results are recorded in README.md beside this file.
await using var server = await ServerProcess.StartAsync("bench");
await server.RunCommandAsync("create-organiser", BenchContest.OrganiserEmail, "Bench", BenchContest.OrganiserPassword);
using var organiser = await BenchContest.SignedInOrganiserAsync(server.BaseAddress);

var lines = new List<string>();
lines.AddRange(await RegistrationThroughput.RunAsync(server, organiser, teams: 2000, concurrency: 16));
lines.AddRange(await ImportThroughput.RunAsync(organiser, rows: 10_000));
lines.AddRange(await RosterAt10k.RunAsync(organiser));
lines.AddRange(await ExportAt10k.RunAsync(server, organiser));
lines.AddRange(await EntriesAtScale.RunAsync(server, organiser, teams: 1000, concurrency: 16));
foreach (var line in lines)
{
    Console.WriteLine(line);
}
