using Composer.Loader.Tree;
using Composer.Model;

namespace Composer.Loader.Binding;

/// <summary><c>services.*.env_file</c>: a path, a list of paths, or long entries {path, required, format}; paths become absolute.</summary>
internal static class EnvFilesBinder
{
    private static readonly HashSet<string> LongKeys = ["path", "required", "format"];

    public static IReadOnlyList<EnvFile> Bind(Node node, string path, BindReader reader)
    {
        if (node is ScalarNode scalar)
        {
            if (!scalar.IsNull && scalar.Value.Length == 0)
            {
                reader.Error(scalar, path, "must not be empty");
            }

            return scalar.Value.Length == 0 || scalar.IsNull ? [] : [new EnvFile { Path = HostPath.Resolve(scalar.Value, reader.Context) }];
        }

        return reader.ShortOrLongItems<EnvFile>(
            node,
            path,
            "a path or a mapping with path",
            (item, _) => item.Value.Length == 0 ? null : [new EnvFile { Path = HostPath.Resolve(item.Value, reader.Context) }],
            (mapping, itemPath) =>
            {
                reader.RejectUnknownKeys(mapping, itemPath, LongKeys);
                var filePath = reader.RequiredStringAt(mapping, "path", itemPath);
                return filePath is null ? [] : [new EnvFile
                {
                    Path = HostPath.Resolve(filePath, reader.Context),
                    Required = reader.BoolAt(mapping, "required", itemPath) ?? true,
                    Format = reader.StringAt(mapping, "format", itemPath),
                }];
            });
    }
}
