namespace Composer.Model;

/// <summary>What a reference attribute names: a mode of the engine's own, another service, or a container.</summary>
public enum ReferenceTarget
{
    /// <summary>A plain mode such as <c>host</c>, <c>none</c>, <c>bridge</c>, <c>shareable</c> or a network name.</summary>
    Mode,

    /// <summary><c>service:NAME</c>: the container of another service of the project.</summary>
    Service,

    /// <summary><c>container:NAME</c>: a container the project does not manage.</summary>
    Container,
}
