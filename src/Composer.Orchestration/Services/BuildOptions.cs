using Composer.Engine.Build;
using Composer.Orchestration.Progress;

namespace Composer.Orchestration.Services;

public sealed record BuildOptions
{
    /// <summary>Empty means every service that has a build section.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];
    public BuildOverrides Overrides { get; init; } = BuildOverrides.None;

    /// <summary>Null discards the build output (-q).</summary>
    public IBuildOutputSink? Output { get; init; }
}
