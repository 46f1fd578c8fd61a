namespace Composer.Engine.Contracts;

/// <summary>Looking into running containers: processes (top), resource use (stats), files (cp) and the engine's event stream.</summary>
public interface IContainerTools
{
}
