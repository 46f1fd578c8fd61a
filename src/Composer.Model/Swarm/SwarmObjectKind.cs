namespace Composer.Model.Swarm;

/// <summary>The two kinds of immutable swarm file objects.</summary>
public enum SwarmObjectKind
{
    Secret,
    Config,
}
