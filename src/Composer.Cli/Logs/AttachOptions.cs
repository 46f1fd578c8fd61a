namespace Composer.Cli.Logs;

/// <summary>How an attached up prints and when it stops.</summary>
internal sealed record AttachOptions
{
    /// <summary>Services whose output is shown (all the up started unless --attach or --no-attach say otherwise).</summary>
    public required IReadOnlyList<string> AttachedServices { get; init; }

    /// <summary>Services the up was about (empty means all): what Ctrl-C stops.</summary>
    public required IReadOnlyList<string> Services { get; init; }
    public bool AbortOnContainerExit { get; init; }
    public string? ExitCodeFrom { get; init; }
    public bool Prefix { get; init; } = true;
    public bool Colour { get; init; }
    public bool Timestamps { get; init; }
    public TimeSpan? StopTimeout { get; init; }

    /// <summary>up --watch: the output is followed until Ctrl-C, through rebuilds that replace the containers.</summary>
    public bool Watching { get; init; }
}
