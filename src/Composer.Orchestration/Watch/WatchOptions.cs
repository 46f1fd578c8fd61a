using Composer.Model;
using Composer.Orchestration.Services;

namespace Composer.Orchestration.Watch;

public sealed record WatchOptions
{
    /// <summary>The services to watch (and to apply reloads to); empty means all.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];

    /// <summary>--prune: remove the image a rebuild replaced when nothing else names it.</summary>
    public bool Prune { get; init; }

    /// <summary>
    /// The options the services were brought up with (<c>--no-build</c>, <c>--scale</c>, <c>--pull</c>, ...): a reload
    /// and a rebuild bring them up the same way, so that neither undoes what the command line asked for. With
    /// <c>--no-build</c> a rebuild rule cannot work.
    /// </summary>
    public UpOptions Up { get; init; } = new();

    /// <summary>
    /// Loads the project again from its files; null leaves the compose files unwatched. It throws (any exception but
    /// cancellation) with a readable message when the files no longer load.
    /// </summary>
    public Func<CancellationToken, Task<Project>>? Reload { get; init; }

    /// <summary>Files besides the compose files whose edits reload the project: --env-file files or the project's .env.</summary>
    public IReadOnlyList<string> ProjectFiles { get; init; } = [];
}
