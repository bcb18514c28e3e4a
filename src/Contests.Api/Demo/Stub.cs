namespace Contests.Api.Demo { internal sealed class DemoSeeder : Microsoft.Extensions.Hosting.BackgroundService { protected override Task ExecuteAsync(CancellationToken t) => Task.CompletedTask; } }
