using Composer.Loader.Tree;
using Composer.Model;

namespace Composer.Loader.Binding;

/// <summary><c>services.*.secrets</c> and <c>services.*.configs</c>: a name, or {source, target, uid, gid, mode}.</summary>
internal static class FileReferencesBinder
{
    private static readonly HashSet<string> LongKeys = ["source", "target", "uid", "gid", "mode"];

    public static IReadOnlyList<FileReference> Bind(Node node, string path, BindReader reader)
    {
        return reader.ShortOrLongItems<FileReference>(
            node,
            path,
            "a name or a mapping with source",
            (scalar, _) => scalar.Value.Length == 0 ? null : [new FileReference { Source = scalar.Value }],
            (mapping, itemPath) =>
            {
                reader.RejectUnknownKeys(mapping, itemPath, LongKeys);
                var source = reader.RequiredStringAt(mapping, "source", itemPath);
                return source is null ? [] : [new FileReference
                {
                    Source = source,
                    Target = reader.StringAt(mapping, "target", itemPath),
                    Uid = reader.StringAt(mapping, "uid", itemPath),
                    Gid = reader.StringAt(mapping, "gid", itemPath),
                    Mode = reader.IntAt(mapping, "mode", itemPath),
                    Extensions = BindReader.ExtensionsOf(mapping),
                }];
            });
    }
}
