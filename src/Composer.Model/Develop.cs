namespace Composer.Model;

/// <summary><c>develop</c>: how <c>watch</c> (and <c>up --watch</c>) keeps a running service in step with its sources.</summary>
public sealed record Develop
{
    public IReadOnlyList<WatchRule> Watch { get; init; } = [];
    public Extensions Extensions { get; init; } = Extensions.Empty;
}
