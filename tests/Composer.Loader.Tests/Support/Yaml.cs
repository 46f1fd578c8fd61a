using System.Text;
using Composer.Loader.Diagnostics;
using Composer.Loader.Parsing;
using Composer.Loader.Tree;

namespace Composer.Loader.Tests.Support;

/// <summary>Reads inline YAML for tests and renders trees as compact text for assertions.</summary>
internal static class Yaml
{
    public static MappingNode Read(string yaml, string fileName = "compose.yaml")
    {
        var diagnostics = new DiagnosticBag();
        var root = YamlTreeReader.Read(yaml, fileName, diagnostics);
        Assert.Empty(diagnostics.Items);
        return Assert.IsType<MappingNode>(root);
    }

    public static IReadOnlyList<Diagnostic> Errors(string yaml, string fileName = "compose.yaml")
    {
        var diagnostics = new DiagnosticBag();
        YamlTreeReader.Read(yaml, fileName, diagnostics);
        return diagnostics.Items;
    }

    /// <summary>Flow-style text: <c>{a: 1, b: [x, "y"]}</c>; quoted when the scalar is not plain, <c>~</c> for null.</summary>
    public static string Render(Node? node)
    {
        var builder = new StringBuilder();
        Render(node, builder);
        return builder.ToString();
    }

    public static Node At(MappingNode root, string dottedPath)
    {
        Node current = root;
        foreach (var segment in dottedPath.Split('.'))
        {
            current = current switch
            {
                MappingNode mapping => mapping[segment] ?? throw new KeyNotFoundException(dottedPath),
                SequenceNode sequence => sequence.Items[int.Parse(segment, System.Globalization.CultureInfo.InvariantCulture)],
                _ => throw new KeyNotFoundException(dottedPath),
            };
        }

        return current;
    }

    private static void Render(Node? node, StringBuilder builder)
    {
        if (node?.Tag is { } tag)
        {
            builder.Append(tag).Append(' ');
        }

        switch (node)
        {
            case null:
                builder.Append("<none>");
                break;
            case ScalarNode { IsNull: true }:
                builder.Append('~');
                break;
            case ScalarNode scalar:
                builder.Append(scalar.IsPlain ? scalar.Value : "\"" + scalar.Value + "\"");
                break;
            case SequenceNode sequence:
                builder.Append('[');
                for (var index = 0; index < sequence.Items.Count; index++)
                {
                    builder.Append(index == 0 ? string.Empty : ", ");
                    Render(sequence.Items[index], builder);
                }

                builder.Append(']');
                break;
            case MappingNode mapping:
                builder.Append('{');
                for (var index = 0; index < mapping.Entries.Count; index++)
                {
                    builder.Append(index == 0 ? string.Empty : ", ").Append(mapping.Entries[index].Key).Append(": ");
                    Render(mapping.Entries[index].Value, builder);
                }

                builder.Append('}');
                break;
        }
    }
}
