using Contests.Benchmarks;
using Contests.Testing;

// Benchmarks, not tests: each figure is one line "bench NAME VALUE UNIT"; results are recorded in README.md beside this file.
await using var server = await ServerProcess.StartAsync("bench");
await server.RunCommandAsync("create-organiser", BenchContest.OrganiserEmail, "Bench", BenchContest.OrganiserPassword);
using var organiser = await BenchContest.SignedInOrganiserAsync(server.BaseAddress);

// `make bench ONLY=scores` (the scenario names below) runs one scenario; without it, all of them in this order.
var scenarios = new (string Name, Func<Task<IReadOnlyList<string>>> Run)[]
{
    ("registrations", () => RegistrationThroughput.RunAsync(server, organiser, teams: 2000, concurrency: 16)),
    ("import", () => ImportThroughput.RunAsync(organiser, rows: 10_000)),
    ("roster", () => RosterAt10k.RunAsync(organiser)),
    ("exports", () => ExportAt10k.RunAsync(server, organiser)),
    ("entries", () => EntriesAtScale.RunAsync(server, organiser, teams: 1000, concurrency: 16)),
    ("scores", () => ScoresAtScale.RunAsync(server, organiser, teams: 400, judges: 50, judgesPerEntry: 5)),
};
var lines = new List<string>();
foreach (var (_, run) in scenarios.Where(scenario => args.Length == 0 || args.Contains(scenario.Name)))
{
    lines.AddRange(await run());
}

foreach (var line in lines)
{
    Console.WriteLine(line);
}
