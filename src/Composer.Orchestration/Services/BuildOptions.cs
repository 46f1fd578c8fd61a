using Composer.Engine.Build;
using Composer.Orchestration.Progress;

namespace Composer.Orchestration.Services;

public sealed record BuildOptions
{
    /// <summary>Empty means every service that has a build section.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];
    public BuildOverrides Overrides { get; init; } = BuildOverrides.None;

    /// <summary>--with-dependencies: also the services the selected ones depend on.</summary>
    public bool WithDependencies { get; init; }

    /// <summary>Where the build's lines go; null uses the context's <see cref="OrchestrationContext.BuildOutput"/>.</summary>
    public IBuildOutputSink? Output { get; init; }
}
