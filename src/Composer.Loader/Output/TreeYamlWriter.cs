using Composer.Loader.Binding;
using Composer.Loader.Tree;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Composer.Loader.Output;

/// <summary>
/// Prints a loader tree as block YAML, keys in written order, for <c>config --no-interpolate</c>: the merged tree
/// still holds <c>${VAR}</c> templates that the binder cannot type, so it is printed as a tree rather than a model.
/// A plain scalar stays plain, so it reads back with the type it was written with (<c>8080</c> stays a number);
/// a quoted scalar that a reader would type (<c>"8080"</c>, <c>"yes"</c>, <c>""</c>) stays quoted, so it reads back
/// as a string.
/// </summary>
public static class TreeYamlWriter
{
    private const string NullText = "null";
    private const string NameKey = "name";

    /// <summary>
    /// The project's tree with its resolved name first, as <c>config</c> prints it: the name may come from <c>-p</c>,
    /// COMPOSE_PROJECT_NAME or the folder rather than from the files.
    /// </summary>
    public static string ToYaml(ComposeTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var nameEntry = new MappingEntry(NameKey, tree.Root.Mark, new ScalarNode(tree.ProjectName, isPlain: false, tree.Root.Mark));
        var entries = tree.Root.Entries.Where(entry => entry.Key != NameKey).Prepend(nameEntry).ToArray();
        return ToYaml(new MappingNode(entries, tree.Root.Mark, tree.Root.Tag));
    }

    public static string ToYaml(MappingNode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        using var writer = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(writer, new EmitterSettings(2, int.MaxValue, false, 1024, false, true, "\n"));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, true));
        WriteNode(emitter, root);
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static void WriteNode(IEmitter emitter, Node node)
    {
        switch (node)
        {
            case MappingNode mapping:
                emitter.Emit(new MappingStart(null, mapping.Tag, mapping.Tag is null, mapping.Entries.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var entry in mapping.Entries)
                {
                    WriteString(emitter, entry.Key, tag: null);
                    WriteNode(emitter, entry.Value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case SequenceNode sequence:
                emitter.Emit(new SequenceStart(null, sequence.Tag, sequence.Tag is null, sequence.Items.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in sequence.Items)
                {
                    WriteNode(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case ScalarNode scalar:
                WriteScalar(emitter, scalar);
                break;
            default:
                throw new ArgumentException($"unknown tree node {node.GetType().Name}", nameof(node));
        }
    }

    private static void WriteScalar(IEmitter emitter, ScalarNode scalar)
    {
        if (!scalar.IsPlain)
        {
            WriteString(emitter, scalar.Value, scalar.Tag);
            return;
        }

        // An empty plain value (`key:`) is a null; it is spelled out so that the output does not end lines with a colon.
        var text = scalar.IsNull && scalar.Value.Length == 0 ? NullText : scalar.Value;

        // The emitter quotes a plain scalar itself when the text cannot be written plain in this place.
        emitter.Emit(new Scalar(null, scalar.Tag, text, ScalarStyle.Plain, scalar.Tag is null, scalar.Tag is null));
    }

    /// <summary>
    /// Tabs and other control characters, and spaces at either end, only survive in double quotes: the emitter
    /// would otherwise print some of them plain, where a reader drops them.
    /// </summary>
    private static bool NeedsEscapes(string text) =>
        text.Any(character => char.IsControl(character) && character != '\n')
        || text.StartsWith(' ') || text.EndsWith(' ');

    private static void WriteString(IEmitter emitter, string text, string? tag)
    {
        // Multi-line text (inline Dockerfiles, config content) reads best as a literal block; the emitter falls back
        // to double quotes when a block cannot hold the text exactly.
        var style = ScalarText.LooksTyped(text) || NeedsEscapes(text) ? ScalarStyle.DoubleQuoted
            : text.Contains('\n', StringComparison.Ordinal) ? ScalarStyle.Literal
            : ScalarStyle.Any;
        emitter.Emit(new Scalar(null, tag, text, style, tag is null, tag is null));
    }
}
