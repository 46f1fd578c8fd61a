namespace Composer.Engine.Contracts;

/// <summary>
/// A container could not be created because one of that name exists (made meanwhile by another run, or by a create
/// a killed run had sent). The caller looks at that container and adopts or replaces it.
/// </summary>
public sealed class ContainerNameInUseException(string name, Exception? innerException = null)
    : EngineException($"container name \"{name}\" is already in use by another container", innerException)
{
    public string Name { get; } = name;
}
