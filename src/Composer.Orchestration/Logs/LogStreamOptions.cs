namespace Composer.Orchestration.Logs;

/// <summary>Which containers to read, how much of their output, and how to print it.</summary>
public sealed record LogStreamOptions
{
    /// <summary>Empty means every service of the project.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];

    /// <summary>Only the container with this number (--index).</summary>
    public int? Index { get; init; }

    /// <summary>Keep reading, pick up containers that start later, and end once every followed container has stopped.</summary>
    public bool Follow { get; init; }

    /// <summary>
    /// With <see cref="Follow"/>: keep waiting for containers to start even when none runs, until cancelled (up --watch,
    /// where a rebuild replaces the containers and their output must still show).
    /// </summary>
    public bool UntilCancelled { get; init; }

    /// <summary>With <see cref="Follow"/>: end as soon as any followed container stops (--abort-on-container-exit).</summary>
    public bool StopOnFirstExit { get; init; }

    /// <summary>With <see cref="Follow"/>: print "name exited with code N" when a container stops.</summary>
    public bool ReportExits { get; init; }

    /// <summary>A number of lines from the end, or "all".</summary>
    public string Tail { get; init; } = "all";

    /// <summary>Unix seconds as the engine takes them (see <see cref="LogTime"/>).</summary>
    public string? Since { get; init; }
    public string? Until { get; init; }
    public bool Timestamps { get; init; }

    /// <summary>Put "service-n |" in front of each line.</summary>
    public bool Prefix { get; init; } = true;
    public bool Colour { get; init; }
}
