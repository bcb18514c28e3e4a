using Contests.Api.Access;
using Contests.Api.Infrastructure;
using JasperFx;

NJsonSchemaShim.Install();

var builder = WebApplication.CreateBuilder(args);
builder.AddContests();
var app = builder.Build();
app.UseContests();

if (args is ["create-organiser", var email, var displayName, var password])
{
    var created = await app.Services.GetRequiredService<OrganiserAccounts>().EnsureAsync(email, displayName, password, CancellationToken.None);
    Console.WriteLine(created ? $"Organiser {email} created." : $"Organiser {email} already exists; nothing changed.");
    return 0;
}

// JasperFx's command line: `run` (default), `db-apply`, `db-assert`, `projections --rebuild`, `describe`, …
return await app.RunJasperFxCommands(args);

/// <summary>Entry point type, visible to the Alba tests' host.</summary>
public partial class Program;
