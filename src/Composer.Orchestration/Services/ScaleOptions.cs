namespace Composer.Orchestration.Services;

public sealed record ScaleOptions
{
    /// <summary>Service name to the number of containers wanted.</summary>
    public required IReadOnlyDictionary<string, int> Scale { get; init; }
    public bool NoDeps { get; init; }
    public bool DryRun { get; init; }
}
