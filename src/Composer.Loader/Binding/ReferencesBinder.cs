using Composer.Loader.Tree;
using Composer.Model;

namespace Composer.Loader.Binding;

/// <summary>
/// The attributes that name other services or containers, parsed here once into the model's reference types so that
/// nothing after binding reads <c>service:</c> or <c>container:</c> prefixes.
/// </summary>
internal static class ReferencesBinder
{
    public static NamespaceMode? Namespace(Node node, string path, BindReader reader) =>
        reader.String(node, path) is { } text ? NamespaceMode.Parse(text) : null;

    public static IReadOnlyList<Link> Links(Node node, string path, BindReader reader) =>
        [.. reader.StrictStringList(node, path).Select(Link.Parse)];

    public static IReadOnlyList<VolumesFromSource> VolumesFrom(Node node, string path, BindReader reader)
    {
        var sources = new List<VolumesFromSource>();
        var texts = reader.StrictStringList(node, path);
        for (var index = 0; index < texts.Count; index++)
        {
            if (VolumesFromSource.TryParse(texts[index]) is { } source)
            {
                sources.Add(source);
            }
            else
            {
                var item = node is SequenceNode sequence && index < sequence.Items.Count ? sequence.Items[index] : node;
                reader.Error(item, PathText.Index(path, index), $"volumes_from \"{texts[index]}\": the access mode after ':' must be ro or rw");
            }
        }

        return sources;
    }
}
