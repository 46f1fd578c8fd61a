using NJsonSchema;

namespace Composer.Loader.Validation;

/// <summary>
/// The compose JSON schema (schema/compose-spec.json, embedded as "compose-spec.json"), parsed once on first use
/// and shared by every load: parsing costs far more than one validation.
/// </summary>
internal static class ComposeSchema
{
    private const string ResourceName = "compose-spec.json";

    private static readonly Lazy<JsonSchema> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static JsonSchema Instance => Loaded.Value;

    private static JsonSchema Load()
    {
        using var stream = typeof(ComposeSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing from the loader assembly.");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();

        // Parsing runs once; running it on the thread pool keeps the loader synchronous without risking a deadlock on
        // a caller's synchronization context.
        return Task.Run(() => JsonSchema.FromJsonAsync(text)).GetAwaiter().GetResult();
    }
}
