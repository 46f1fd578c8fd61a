using Composer.Loader.Tree;

namespace Composer.Loader.Binding;

/// <summary>
/// <c>label_file</c>: one file or a list, each of <c>KEY=VALUE</c> lines (comments and blank lines skipped), read in
/// order with a later file winning; the service's own <c>labels</c> win over all of them.
/// </summary>
internal static class LabelFilesBinder
{
    public static SortedDictionary<string, string> Read(Node node, string path, BindReader reader)
    {
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var files = reader.StringList(node, path);
        foreach (var file in files)
        {
            var fullPath = HostPath.Resolve(file, reader.Context);
            if (!File.Exists(fullPath))
            {
                reader.Error(node, path, $"label file {fullPath} not found");
                continue;
            }

            var lineNumber = 0;
            foreach (var raw in File.ReadAllLines(fullPath))
            {
                lineNumber++;
                var line = raw.Trim();
                if (line.Length == 0 || line.StartsWith('#'))
                {
                    continue;
                }

                var separator = line.IndexOf('=', StringComparison.Ordinal);
                if (separator <= 0)
                {
                    reader.Error(node, path, $"{fullPath}:{lineNumber}: \"{line}\" is not KEY=VALUE");
                    continue;
                }

                labels[line[..separator].Trim()] = Unquote(line[(separator + 1)..].Trim());
            }
        }

        return labels;
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0] ? value[1..^1] : value;
}
