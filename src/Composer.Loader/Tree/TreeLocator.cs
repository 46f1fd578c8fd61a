namespace Composer.Loader.Tree;

/// <summary>
/// Finds where a compose path was written, for diagnostics raised after binding (the model keeps no marks):
/// the mark of the deepest key (or list index) of the path that exists, or <see cref="Mark.None"/>.
/// </summary>
public static class TreeLocator
{
    public static Mark Find(MappingNode? root, params string[] keys)
    {
        var mark = Mark.None;
        Node? current = root;
        foreach (var key in keys)
        {
            switch (current)
            {
                case MappingNode mapping when mapping.Entry(key) is { } entry:
                    mark = entry.KeyMark;
                    current = entry.Value;
                    break;
                case SequenceNode sequence when int.TryParse(key, System.Globalization.CultureInfo.InvariantCulture, out var index) && index >= 0 && index < sequence.Items.Count:
                    mark = sequence.Items[index].Mark;
                    current = sequence.Items[index];
                    break;
                case SequenceNode sequence when sequence.Items.FirstOrDefault(item => item is ScalarNode scalar && scalar.Value == key) is { } item:
                    return item.Mark;
                default:
                    return mark;
            }
        }

        return mark;
    }
}
