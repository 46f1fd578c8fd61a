namespace Composer.Orchestration.Services;

public sealed record RemoveOptions
{
    public IReadOnlyList<string> Services { get; init; } = [];

    /// <summary>Stop running containers first (otherwise only stopped ones are removed).</summary>
    public bool Stop { get; init; }

    /// <summary>Also remove anonymous volumes of the containers.</summary>
    public bool Volumes { get; init; }
    public TimeSpan? Timeout { get; init; }
    public bool DryRun { get; init; }
}
