namespace Composer.Model;

/// <summary>Services depend on each other in a circle; the message shows the circle as <c>a -> b -> a</c>.</summary>
public sealed class DependencyCycleException(IReadOnlyList<string> cycle)
    : Exception($"dependency cycle between services: {string.Join(" -> ", cycle)}")
{
    public IReadOnlyList<string> Cycle { get; } = cycle;
}
