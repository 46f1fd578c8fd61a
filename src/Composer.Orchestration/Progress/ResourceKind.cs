namespace Composer.Orchestration.Progress;

public enum ResourceKind
{
    Container,
    Network,
    Volume,
    Service,
    Image,

    /// <summary>One layer of an image being pulled or pushed, under its service (<see cref="ProgressEvent.Parent"/>).</summary>
    Layer,

    /// <summary>One step of a BuildKit build, under its service (<see cref="ProgressEvent.Parent"/>).</summary>
    BuildStep,

    /// <summary>A swarm secret of a stack.</summary>
    Secret,

    /// <summary>A swarm config of a stack.</summary>
    Config,
}
