namespace Composer.Model;

/// <summary>A fully loaded, validated, canonical compose project.</summary>
public sealed record Project
{
    public required string Name { get; init; }

    /// <summary>Absolute project folder; relative paths in the model were resolved against it.</summary>
    public required string WorkingDirectory { get; init; }

    public IReadOnlyList<string> ConfigFiles { get; init; } = [];

    /// <summary>
    /// Files the project was read from besides <see cref="ConfigFiles"/>: compose files pulled in by <c>include</c>
    /// and <c>extends</c>, and the env files of included projects (absolute paths; watch reloads when one changes).
    /// </summary>
    public IReadOnlyList<string> SourceFiles { get; init; } = [];

    /// <summary>Enabled services only, by name.</summary>
    public IReadOnlyDictionary<string, Service> Services { get; init; } = new SortedDictionary<string, Service>(StringComparer.Ordinal);

    /// <summary>Services left out because none of their profiles is active; kept so that commands can explain why.</summary>
    public IReadOnlyDictionary<string, Service> DisabledServices { get; init; } = new SortedDictionary<string, Service>(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, Network> Networks { get; init; } = new SortedDictionary<string, Network>(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, Volume> Volumes { get; init; } = new SortedDictionary<string, Volume>(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, FileObject> Secrets { get; init; } = new SortedDictionary<string, FileObject>(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, FileObject> Configs { get; init; } = new SortedDictionary<string, FileObject>(StringComparer.Ordinal);

    /// <summary>Top-level <c>models</c> (AI models a model runner serves), kept as generic values by name.</summary>
    public Extensions Models { get; init; } = Extensions.Empty;

    /// <summary>Top-level <c>x-*</c> keys, as generic values (see <see cref="Extensions"/>).</summary>
    public Extensions Extensions { get; init; } = Extensions.Empty;

    /// <summary>
    /// --compatibility (or COMPOSE_COMPATIBILITY): container, one-off and built image names join their parts with
    /// <c>_</c> as docker compose v1 did (see <see cref="ComposeNames"/>).
    /// </summary>
    public bool Compatibility { get; init; }

    /// <summary>The variables that interpolation saw (process environment over .env), for commands that need them.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
