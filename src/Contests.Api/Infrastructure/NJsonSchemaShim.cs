using System.Runtime.Loader;

namespace Contests.Api.Infrastructure;

/// <summary>
/// NSwag.AspNetCore 14.8.0 is compiled against NJsonSchema.NewtonsoftJson 11.6.2, which the package registry here does
/// not serve; 11.6.1 is binary compatible. Without this hook the host dies at start with FileNotFoundException.
/// Delete this file the day 11.6.2 restores.
/// </summary>
internal static class NJsonSchemaShim
{
    private const string AssemblyName = "NJsonSchema.NewtonsoftJson";

    public static void Install() =>
        AssemblyLoadContext.Default.Resolving += (context, name) =>
            name.Name == AssemblyName
                ? context.LoadFromAssemblyPath(Path.Combine(AppContext.BaseDirectory, AssemblyName + ".dll"))
                : null;
}
