using Contests.Api.Access;
using Contests.Api.Infrastructure;
using JasperFx;

NJsonSchemaShim.Install();

var builder = WebApplication.CreateBuilder(args);
builder.AddContests();
var app = builder.Build();
app.UseContests();

var accounts = app.Services.GetRequiredService<OrganiserAccounts>();
switch (args)
{
    case ["create-organiser", var email, var displayName, var password]:
        Console.WriteLine(await accounts.EnsureAsync(email, displayName, password, CancellationToken.None)
            ? $"Organiser {email} created in the default organisation."
            : $"Organiser {email} already exists; nothing changed.");
        return 0;
    case ["create-platform-admin", var email, var displayName, var password]:
        Console.WriteLine(await accounts.EnsurePlatformAdminAsync(email, displayName, password, CancellationToken.None)
            ? $"Platform administrator {email} created."
            : $"Platform administrator {email} already exists; nothing changed.");
        return 0;
}

// JasperFx's command line: `run` (default), `db-apply`, `db-assert`, `projections --rebuild`, `describe`, …
return await app.RunJasperFxCommands(args);

/// <summary>Entry point type, visible to the Alba tests' host.</summary>
public partial class Program;
