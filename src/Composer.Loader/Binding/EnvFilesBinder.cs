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

        var sequence = reader.Sequence(node, path);
        if (sequence is null)
        {
            return [];
        }

        var files = new List<EnvFile>();
        for (var index = 0; index < sequence.Items.Count; index++)
        {
            var itemPath = PathText.Index(path, index);
            switch (sequence.Items[index])
            {
                case ScalarNode { IsNull: false, Value.Length: > 0 } item:
                    files.Add(new EnvFile { Path = HostPath.Resolve(item.Value, reader.Context) });
                    break;
                case MappingNode mapping:
                    reader.RejectUnknownKeys(mapping, itemPath, LongKeys);
                    var filePath = reader.StringAt(mapping, "path", itemPath);
                    if (string.IsNullOrEmpty(filePath))
                    {
                        reader.Error(mapping, PathText.Key(itemPath, "path"), "is required");
                        break;
                    }

                    files.Add(new EnvFile
                    {
                        Path = HostPath.Resolve(filePath, reader.Context),
                        Required = reader.BoolAt(mapping, "required", itemPath) ?? true,
                        Format = reader.StringAt(mapping, "format", itemPath),
                    });
                    break;
                default:
                    reader.Error(sequence.Items[index], itemPath, "must be a path or a mapping with path");
                    break;
            }
        }

        return files;
    }
}
