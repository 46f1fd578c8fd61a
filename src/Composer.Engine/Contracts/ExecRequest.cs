namespace Composer.Engine.Contracts;

/// <summary>A command to run inside a running container.</summary>
public sealed record ExecRequest
{
    public required IReadOnlyList<string> Command { get; init; }
    public bool Tty { get; init; }

    /// <summary>Attach the command's stdin (piped input, or the terminal).</summary>
    public bool Stdin { get; init; }
    public IReadOnlyList<string> Environment { get; init; } = [];
    public string? User { get; init; }
    public string? WorkingDir { get; init; }
    public bool Privileged { get; init; }
}
