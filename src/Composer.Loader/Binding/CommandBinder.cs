using Composer.Loader.Tree;

namespace Composer.Loader.Binding;

/// <summary><c>command</c> and <c>entrypoint</c>: a string is split into words like a shell would; a list is kept.</summary>
internal static class CommandBinder
{
    public static IReadOnlyList<string>? Bind(Node node, string path, BindReader reader)
    {
        if (node is ScalarNode scalar)
        {
            if (scalar.IsNull)
            {
                return null;
            }

            if (ShellWords.TrySplit(scalar.Value, out var words, out var error))
            {
                return words;
            }

            reader.Error(scalar, path, error);
            return null;
        }

        return node is SequenceNode ? reader.StrictStringList(node, path) : Invalid(node, path, reader);
    }

    private static IReadOnlyList<string>? Invalid(Node node, string path, BindReader reader)
    {
        reader.Error(node, path, "must be a string or a list of strings");
        return null;
    }
}
