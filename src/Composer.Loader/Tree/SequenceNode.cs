namespace Composer.Loader.Tree;

public sealed class SequenceNode(IReadOnlyList<Node> items, Mark mark, string? tag = null) : Node(mark, tag)
{
    public IReadOnlyList<Node> Items { get; } = items;

    public override Node WithTag(string? tag) => new SequenceNode(Items, Mark, tag);
}
