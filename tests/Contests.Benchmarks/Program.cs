using Contests.Benchmarks;
using Contests.Testing;

// Benchmarks, not tests: each figure is one line "bench NAME VALUE UNIT"; results are recorded in README.md beside this file.
// `make bench ONLY=live` (the first argument) runs only the scenarios whose name starts with it; none runs them all.
if (args is ["bare-server", .. var serverArguments])
{
    await BareBroadcast.ServeAsync(serverArguments);
    return;
}

// Every benchmark client signs in from 127.0.0.1 (1,000 teams, then 400 teams and 50 judges, within minutes): the
// per-address limit on sign-in attempts, meant for guessers, must not count them.
await using var server = await ServerProcess.StartAsync(
    ServerProcess.NewSchema("bench"), new Dictionary<string, string> { ["Contests__SignInLimits__PermitsPerWindow"] = "1000000" });
await server.RunCommandAsync("create-organiser", BenchContest.OrganiserEmail, "Bench", BenchContest.OrganiserPassword);
using var organiser = await BenchContest.SignedInOrganiserAsync(server.BaseAddress);

(string Name, Func<Task<IReadOnlyList<string>>> Run)[] scenarios =
[
    ("registrations", () => RegistrationThroughput.RunAsync(server, organiser, teams: 2000, concurrency: 16)),
    ("import_10k", () => ImportThroughput.RunAsync(organiser, rows: 10_000)),
    ("roster_10k", () => RosterAt10k.RunAsync(organiser)),
    ("export_xlsx_10k", () => ExportAt10k.RunAsync(server, organiser)),
    ("entries", () => EntriesAtScale.RunAsync(server, organiser, teams: 1000, concurrency: 16)),
    ("scores", () => ScoresAtScale.RunAsync(server, organiser, teams: 400, judges: 50, judgesPerEntry: 5)),
    ("live", () => LiveBoards.RunAsync(server, organiser)),
];
var only = args.FirstOrDefault() ?? string.Empty;
var lines = new List<string>();
foreach (var (_, run) in scenarios.Where(scenario => scenario.Name.StartsWith(only, StringComparison.Ordinal)))
{
    lines.AddRange(await run());
}

foreach (var line in lines)
{
    Console.WriteLine(line);
}
