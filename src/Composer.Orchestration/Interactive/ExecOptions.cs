namespace Composer.Orchestration.Interactive;

/// <summary>What <c>exec</c> runs, where and how.</summary>
public sealed record ExecOptions
{
    public required string Service { get; init; }
    public required IReadOnlyList<string> Command { get; init; }

    /// <summary>Replica number, from 1.</summary>
    public int Index { get; init; } = 1;
    public bool Tty { get; init; }
    public bool Detach { get; init; }
    public bool Privileged { get; init; }
    public string? User { get; init; }
    public string? WorkingDir { get; init; }

    /// <summary>KEY=VALUE entries added to the command's environment.</summary>
    public IReadOnlyList<string> Environment { get; init; } = [];
}
