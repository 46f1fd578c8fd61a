namespace Composer.Engine.Contracts;

/// <summary>The engine's images: list, inspect, remove, tag, pull and push.</summary>
public interface IImageStore
{
}
