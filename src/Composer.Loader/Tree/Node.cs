namespace Composer.Loader.Tree;

/// <summary>
/// The loader's own YAML tree. Every node keeps its mark through all stages, so that a value that went through
/// interpolation, include, extends and merge still reports the file, line and column it was written at.
/// Nodes are mutable only while a stage builds them; stages return new trees rather than editing shared ones.
/// </summary>
public abstract class Node
{
    protected Node(Mark mark, string? tag)
    {
        Mark = mark;
        Tag = tag;
    }

    public Mark Mark { get; }

    /// <summary>A local YAML tag such as <c>!reset</c> or <c>!override</c>; null when none.</summary>
    public string? Tag { get; }

    public abstract Node WithTag(string? tag);
}
