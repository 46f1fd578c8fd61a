using Composer.Loader.Tree;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using Mark = Composer.Loader.Tree.Mark;

namespace Composer.Loader.Tests.Binding;

/// <summary>
/// TEST-ONLY stand-in for the loader's YAML reader: YamlDotNet's YamlStream turned into Tree nodes with marks.
/// No merge keys, anchors are copied. Swap for the real reader once it lands.
/// </summary>
internal static class TestTrees
{
    public const string FileName = "compose.yaml";

    public static MappingNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (MappingNode)Convert(stream.Documents[0].RootNode);
    }

    private static Node Convert(YamlNode node)
    {
        var mark = new Mark(FileName, (int)node.Start.Line, (int)node.Start.Column);
        var tag = node.Tag.IsEmpty || node.Tag.IsNonSpecific ? null : node.Tag.Value;
        return node switch
        {
            YamlScalarNode scalar => new ScalarNode(scalar.Value ?? string.Empty, scalar.Style is ScalarStyle.Plain or ScalarStyle.Any, mark, tag),
            YamlSequenceNode sequence => new SequenceNode(sequence.Children.Select(Convert).ToList(), mark, tag),
            YamlMappingNode mapping => new MappingNode(
                mapping.Children.Select(pair => new MappingEntry(
                    ((YamlScalarNode)pair.Key).Value ?? string.Empty,
                    new Mark(FileName, (int)pair.Key.Start.Line, (int)pair.Key.Start.Column),
                    Convert(pair.Value))).ToList(),
                mark,
                tag),
            _ => throw new InvalidOperationException("unexpected YAML node " + node.GetType().Name),
        };
    }
}
