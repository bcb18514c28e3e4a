using Contests.Benchmarks;
using Contests.Testing;

// Benchmarks, not tests: each figure is one line "bench NAME VALUE UNIT"; results are recorded in README.md beside this file.
// Arguments name the groups to run (`make bench ONLY=live`); none runs them all.
if (args is ["bare-server", .. var serverArguments])
{
    await BareBroadcast.ServeAsync(serverArguments);
    return;
}

string[] groups = ["registration", "import", "roster", "export", "entries", "live"];
if (args.Except(groups).ToList() is { Count: > 0 } unknown)
{
    Console.Error.WriteLine($"Unknown benchmark group {string.Join(", ", unknown)}; the groups are {string.Join(", ", groups)}.");
    Environment.Exit(2);
}

bool Runs(string group) => args.Length == 0 || args.Contains(group);

await using var server = await ServerProcess.StartAsync("bench");
await server.RunCommandAsync("create-organiser", BenchContest.OrganiserEmail, "Bench", BenchContest.OrganiserPassword);
using var organiser = await BenchContest.SignedInOrganiserAsync(server.BaseAddress);

var lines = new List<string>();
if (Runs("registration"))
{
    lines.AddRange(await RegistrationThroughput.RunAsync(server, organiser, teams: 2000, concurrency: 16));
}

if (Runs("import"))
{
    lines.AddRange(await ImportThroughput.RunAsync(organiser, rows: 10_000));
}

if (Runs("roster"))
{
    lines.AddRange(await RosterAt10k.RunAsync(organiser));
}

if (Runs("export"))
{
    lines.AddRange(await ExportAt10k.RunAsync(server, organiser));
}

if (Runs("entries"))
{
    lines.AddRange(await EntriesAtScale.RunAsync(server, organiser, teams: 1000, concurrency: 16));
}

if (Runs("live"))
{
    lines.AddRange(await LiveBoards.RunAsync(server, organiser));
}

foreach (var line in lines)
{
    Console.WriteLine(line);
}
