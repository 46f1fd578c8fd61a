namespace Composer.Engine.Contracts;

/// <summary>What part of a container's output to read.</summary>
public sealed record LogRequest
{
    /// <summary>Keep reading until the container stops (or the token is cancelled).</summary>
    public bool Follow { get; init; }

    /// <summary>Lines from the end to start with: a number or "all".</summary>
    public string Tail { get; init; } = "all";

    /// <summary>Unix time in seconds (fractions allowed) of the first line to show; null from the beginning.</summary>
    public string? Since { get; init; }

    /// <summary>Unix time in seconds (fractions allowed) after which no line is shown; null for no limit.</summary>
    public string? Until { get; init; }

    /// <summary>Prefix every line with the engine's RFC 3339 timestamp.</summary>
    public bool Timestamps { get; init; }
}
