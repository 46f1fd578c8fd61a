namespace Composer.Examples.Tests.Support;

/// <summary>Names of what carries a project's label on the engine.</summary>
internal sealed record ProjectResources(IReadOnlyList<string> Containers, IReadOnlyList<string> Networks, IReadOnlyList<string> Volumes)
{
    public bool IsEmpty => Containers.Count == 0 && Networks.Count == 0 && Volumes.Count == 0;

    public override string ToString() =>
        $"containers [{string.Join(", ", Containers)}], networks [{string.Join(", ", Networks)}], volumes [{string.Join(", ", Volumes)}]";
}
