using System.Text.Json;

namespace Composer.Loader.Validation;

/// <summary>
/// The compose JSON schema (schema/compose-spec.json, embedded as "compose-spec.json"), compiled once on first use
/// and shared by every load and every thread.
/// </summary>
internal static class ComposeSchema
{
    private const string ResourceName = "compose-spec.json";

    private static readonly Lazy<CompiledSchema> Compiled = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static CompiledSchema Instance => Compiled.Value;

    private static CompiledSchema Load()
    {
        using var stream = typeof(ComposeSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing from the loader assembly.");
        using var document = JsonDocument.Parse(stream);
        return SchemaCompiler.Compile(document.RootElement);
    }
}
