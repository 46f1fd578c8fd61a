using Composer.Loader.Tree;
using Newtonsoft.Json.Linq;

namespace Composer.Loader.Validation;

/// <summary>Builds the <see cref="JsonProjection"/> of a compose tree, remembering where every token came from.</summary>
internal sealed class JsonProjector
{
    private readonly Dictionary<JToken, NodeLocation> _locationByToken = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, Mark> _valueMarks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Mark> _keyMarks = new(StringComparer.Ordinal);

    private JsonProjector()
    {
    }

    public static JsonProjection Project(Node root)
    {
        var projector = new JsonProjector();
        var json = projector.Convert(root, pointer: string.Empty, composePath: string.Empty);
        return new JsonProjection(json, projector._locationByToken, projector._valueMarks, projector._keyMarks);
    }

    private JToken Convert(Node node, string pointer, string composePath)
    {
        JToken token = node switch
        {
            ScalarNode scalar => ScalarTyping.ToJson(scalar),
            SequenceNode sequence => ConvertSequence(sequence, pointer, composePath),
            MappingNode mapping => ConvertMapping(mapping, pointer, composePath),
            _ => throw new ArgumentOutOfRangeException(nameof(node), node.GetType().Name, "unknown node kind"),
        };

        _locationByToken[token] = new NodeLocation(pointer, composePath, node.Mark);
        _valueMarks[pointer] = node.Mark;
        return token;
    }

    private JArray ConvertSequence(SequenceNode sequence, string pointer, string composePath)
    {
        var array = new JArray();
        for (var index = 0; index < sequence.Items.Count; index++)
        {
            var itemPointer = pointer + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var itemPath = composePath + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
            array.Add(Convert(sequence.Items[index], itemPointer, itemPath));
        }

        return array;
    }

    private JObject ConvertMapping(MappingNode mapping, string pointer, string composePath)
    {
        var json = new JObject();
        foreach (var entry in mapping.Entries)
        {
            var entryPointer = pointer + "/" + EscapePointerSegment(entry.Key);
            var entryPath = composePath.Length == 0 ? entry.Key : composePath + "." + entry.Key;
            var property = new JProperty(entry.Key, Convert(entry.Value, entryPointer, entryPath));

            // The reader rejects duplicate keys; should one slip through, the later one wins as in YAML merges.
            json.Remove(entry.Key);
            json.Add(property);

            _locationByToken[property] = new NodeLocation(entryPointer, entryPath, entry.KeyMark);
            _keyMarks[entryPointer] = entry.KeyMark;
        }

        return json;
    }

    private static string EscapePointerSegment(string key) => key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
