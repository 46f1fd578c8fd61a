namespace Composer.Engine.Contracts;

public enum BuildStepState
{
    Running,
    Done,
    Cached,
    Failed,
}

/// <summary>
/// One step of a BuildKit build as it stands now, e.g. (#5, "[web 2/5] RUN npm ci", Running). <see cref="Number"/>
/// counts steps in the order the engine first named them, as docker's plain output does.
/// </summary>
public sealed record BuildStep(int Number, string Name, BuildStepState State, DateTimeOffset? Started, DateTimeOffset? Completed, string? Error)
{
    /// <summary>The step's run time once finished; null while it runs or when it was cached.</summary>
    public TimeSpan? Duration => Started is { } started && Completed is { } completed ? completed - started : null;

    /// <summary>BuildKit's own bookkeeping ("[internal] load .dockerignore"), not a line of the Dockerfile.</summary>
    public bool IsInternal => Name.StartsWith("[internal]", StringComparison.Ordinal);
}
