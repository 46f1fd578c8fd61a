using Composer.Loader.Tree;
using YamlDotNet.Core;
using Mark = Composer.Loader.Tree.Mark;
using YamlDotNet.RepresentationModel;

namespace Composer.Loader.Tests.Validation;

/// <summary>
/// TEST-ONLY bridge from YamlDotNet's representation model to the loader's tree, so that the schema validator can be
/// tested before the real reader exists. No merge keys, no duplicate-key checks: tests feed it plain compose files.
/// </summary>
internal static class TestTrees
{
    public const string DefaultFile = "compose.yaml";

    public static MappingNode Parse(string yaml, string file = DefaultFile)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        if (stream.Documents.Count == 0)
        {
            return new MappingNode([], new Mark(file, 1, 1));
        }

        var root = Convert(stream.Documents[0].RootNode, file);
        return root as MappingNode ?? throw new InvalidOperationException("the test document is not a mapping");
    }

    public static MappingNode Load(string path, string? displayName = null) =>
        Parse(File.ReadAllText(path), displayName ?? path);

    private static Node Convert(YamlNode node, string file)
    {
        var mark = new Mark(file, (int)node.Start.Line, (int)node.Start.Column);
        var tag = node.Tag.IsEmpty ? null : node.Tag.Value;
        return node switch
        {
            YamlScalarNode scalar => new ScalarNode(scalar.Value ?? string.Empty, scalar.Style is ScalarStyle.Plain or ScalarStyle.Any, mark, tag),
            YamlSequenceNode sequence => new SequenceNode(sequence.Children.Select(child => Convert(child, file)).ToList(), mark, tag),
            YamlMappingNode mapping => new MappingNode(
                mapping.Children
                    .Select(pair => new MappingEntry(
                        ((YamlScalarNode)pair.Key).Value ?? string.Empty,
                        new Mark(file, (int)pair.Key.Start.Line, (int)pair.Key.Start.Column),
                        Convert(pair.Value, file)))
                    .ToList(),
                mark,
                tag),
            _ => throw new InvalidOperationException($"unsupported YAML node {node.GetType().Name}"),
        };
    }
}
