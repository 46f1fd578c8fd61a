namespace Composer.Orchestration.Services;

public sealed record PsOptions
{
    /// <summary>Include stopped containers (and one-off ones).</summary>
    public bool All { get; init; }

    /// <summary>Empty means all services.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];
}
