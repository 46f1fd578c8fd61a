namespace Composer.Model;

/// <summary>One <c>develop.watch</c> rule: what to do in the service's containers when files under a host path change.</summary>
public sealed record WatchRule
{
    public const string Sync = "sync";
    public const string Rebuild = "rebuild";
    public const string SyncRestart = "sync+restart";
    public const string SyncExec = "sync+exec";
    public const string Restart = "restart";

    /// <summary>Absolute host path (file or folder) whose changes trigger the rule.</summary>
    public required string Path { get; init; }
    public required string Action { get; init; }

    /// <summary>Container path the files under <see cref="Path"/> are copied to (sync actions).</summary>
    public string? Target { get; init; }

    /// <summary>.dockerignore-style patterns relative to <see cref="Path"/>: changes they match are ignored.</summary>
    public IReadOnlyList<string> Ignore { get; init; } = [];

    /// <summary>.dockerignore-style patterns relative to <see cref="Path"/>: when set, only changes they match count.</summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>Copy the whole path into the containers when watching starts (sync actions).</summary>
    public bool InitialSync { get; init; }

    /// <summary>The command of <c>sync+exec</c>, run in every container after syncing.</summary>
    public ServiceHook? Exec { get; init; }
    public Extensions Extensions { get; init; } = Extensions.Empty;

    /// <summary>Whether the action copies files into the containers.</summary>
    public bool Syncs => Action is Sync or SyncRestart or SyncExec;
}
