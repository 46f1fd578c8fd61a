namespace Composer.Engine.Build;

/// <summary>What the command line adds to every build: --no-cache, --pull and --build-arg.</summary>
public sealed record BuildOverrides
{
    public static BuildOverrides None { get; } = new();

    public bool NoCache { get; init; }
    public bool Pull { get; init; }

    /// <summary>--build-arg values; they win over the file's args.</summary>
    public IReadOnlyDictionary<string, string> Args { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
