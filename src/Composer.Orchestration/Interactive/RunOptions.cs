using Composer.Model;

namespace Composer.Orchestration.Interactive;

/// <summary>What <c>run</c> changes in a service for its one-off container, and how it runs it.</summary>
public sealed record RunOptions
{
    public required string Service { get; init; }

    /// <summary>Null keeps the service's command.</summary>
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>Null keeps the service's entrypoint.</summary>
    public IReadOnlyList<string>? Entrypoint { get; init; }

    /// <summary>The container's name; null picks &lt;project&gt;-&lt;service&gt;-run-&lt;12 hex&gt;.</summary>
    public string? Name { get; init; }

    /// <summary>KEY=VALUE entries that override the service's environment.</summary>
    public IReadOnlyList<string> Environment { get; init; } = [];

    /// <summary>-p: ports to publish on top of (or, without <see cref="ServicePorts"/>, instead of) the service's.</summary>
    public IReadOnlyList<ServicePort> Publish { get; init; } = [];

    /// <summary>Publish the service's own ports; run leaves them out by default so that it never clashes with up.</summary>
    public bool ServicePorts { get; init; }
    public IReadOnlyList<ServiceVolume> Volumes { get; init; } = [];
    public string? User { get; init; }
    public string? WorkingDir { get; init; }
    public bool Tty { get; init; }

    /// <summary>Keep stdin open and forward ours to it.</summary>
    public bool Interactive { get; init; } = true;
    public bool Detach { get; init; }
    public bool Remove { get; init; }
    public bool NoDeps { get; init; }
    public bool Build { get; init; }

    /// <summary>--pull: a pull_policy (always, missing, never) for this run in place of the service's; null keeps it.</summary>
    public string? Pull { get; init; }

    public IReadOnlyList<string> CapAdd { get; init; } = [];
    public IReadOnlyList<string> CapDrop { get; init; } = [];

    /// <summary>-l/--label: labels added to the container's.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>-P: every port of the service (and every exposed one) published on a free host port.</summary>
    public bool PublishAll { get; init; }

    /// <summary>--use-aliases: the service's name and network aliases also answer for the one-off container.</summary>
    public bool UseAliases { get; init; }

    /// <summary>--remove-orphans, for the up that starts the dependencies.</summary>
    public bool RemoveOrphans { get; init; }

    /// <summary>COMPOSE_IGNORE_ORPHANS, for the up that starts the dependencies.</summary>
    public bool IgnoreOrphans { get; init; }

    /// <summary>--dry-run: the plan is returned (<see cref="RunResult.Plan"/>) and nothing is created or started.</summary>
    public bool DryRun { get; init; }
}
