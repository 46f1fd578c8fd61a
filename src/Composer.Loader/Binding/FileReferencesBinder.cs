using Composer.Loader.Tree;
using Composer.Model;

namespace Composer.Loader.Binding;

/// <summary><c>services.*.secrets</c> and <c>services.*.configs</c>: a name, or {source, target, uid, gid, mode}.</summary>
internal static class FileReferencesBinder
{
    private static readonly HashSet<string> LongKeys = ["source", "target", "uid", "gid", "mode"];

    public static IReadOnlyList<FileReference> Bind(Node node, string path, BindReader reader)
    {
        var sequence = reader.Sequence(node, path);
        if (sequence is null)
        {
            return [];
        }

        var references = new List<FileReference>();
        for (var index = 0; index < sequence.Items.Count; index++)
        {
            var itemPath = PathText.Index(path, index);
            switch (sequence.Items[index])
            {
                case ScalarNode { IsNull: false, Value.Length: > 0 } scalar:
                    references.Add(new FileReference { Source = scalar.Value });
                    break;
                case MappingNode mapping:
                    reader.RejectUnknownKeys(mapping, itemPath, LongKeys);
                    var source = reader.StringAt(mapping, "source", itemPath);
                    if (string.IsNullOrEmpty(source))
                    {
                        reader.Error(mapping, PathText.Key(itemPath, "source"), "is required");
                        break;
                    }

                    references.Add(new FileReference
                    {
                        Source = source,
                        Target = reader.StringAt(mapping, "target", itemPath),
                        Uid = reader.StringAt(mapping, "uid", itemPath),
                        Gid = reader.StringAt(mapping, "gid", itemPath),
                        Mode = reader.IntAt(mapping, "mode", itemPath),
                        Extensions = BindReader.ExtensionsOf(mapping),
                    });
                    break;
                default:
                    reader.Error(sequence.Items[index], itemPath, "must be a name or a mapping with source");
                    break;
            }
        }

        return references;
    }
}
