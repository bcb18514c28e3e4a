using Contests.Benchmarks;

// Benchmarks, not tests: each figure is one line "bench NAME VALUE UNIT"; results are recorded in README.md beside this file.
var teams = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 2000;
foreach (var line in await RegistrationThroughput.RunAsync(teams, concurrency: 16))
{
    Console.WriteLine(line);
}
