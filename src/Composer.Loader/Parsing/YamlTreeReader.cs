using System.Text.RegularExpressions;
using Composer.Loader.Diagnostics;
using Composer.Loader.Limits;
using Composer.Loader.Merge;
using Composer.Loader.Tree;
using YamlDotNet.Core;
using Mark = Composer.Loader.Tree.Mark;
using YamlDotNet.Core.Events;

namespace Composer.Loader.Parsing;

/// <summary>
/// Reads one compose file into the loader's tree from YamlDotNet parser events, resolving anchors, aliases and
/// merge keys itself (YamlDotNet's MergingParser rejects an explicit key after a merge) and keeping every mark.
/// </summary>
internal sealed partial class YamlTreeReader
{
    // Aliases share node instances, so a tiny file can describe a huge tree ("billion laughs"); later stages walk the
    // expanded tree, so refuse documents whose expansion would be unreasonably large.
    private const long MaxExpandedNodes = InputLimits.MaxValues;
    private static readonly string TooManyValues =
        $"the document holds more than {InputLimits.MaxValues:N0} values (each use of an alias counted in full), the most Composer reads";
    private const string MergeKey = "<<";
    private const string StringTag = "tag:yaml.org,2002:str";

    private readonly string _fileName;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, Node> _anchors = new(StringComparer.Ordinal);
    private readonly Dictionary<Node, long> _expandedSizes = new(ReferenceEqualityComparer.Instance);
    private IParser _parser = null!;
    private int _depth;
    private string _text = string.Empty;

    private YamlTreeReader(string fileName, DiagnosticBag diagnostics)
    {
        _fileName = fileName;
        _diagnostics = diagnostics;
    }

    /// <summary>
    /// Returns the root mapping, or null after reporting why the file cannot be read. A file holding several YAML
    /// documents reads as those documents merged in order, like several compose files.
    /// </summary>
    public static MappingNode? Read(string text, string fileName, DiagnosticBag diagnostics)
    {
        var documents = ReadDocuments(text, fileName, diagnostics);
        if (documents is null)
        {
            return null;
        }

        var merged = documents[0];
        foreach (var document in documents.Skip(1))
        {
            merged = TreeMerger.Merge(merged, document);
        }

        return merged;
    }

    /// <summary>Every non-empty document of the file, or null after reporting why the file cannot be read.</summary>
    public static IReadOnlyList<MappingNode>? ReadDocuments(string text, string fileName, DiagnosticBag diagnostics)
    {
        var reader = new YamlTreeReader(fileName, diagnostics);
        try
        {
            return reader.ReadStream(text);
        }
        catch (YamlException exception) when (exception.Message.Contains("tab", StringComparison.Ordinal))
        {
            // YamlDotNet puts its tab errors at 1:1 whatever the line; the tab itself is the place to show.
            var tab = ParseFailureLocator.IndentationTab(text, reader.LastEventStart, fileName) ?? reader.FallbackMark(text, exception.Start);
            diagnostics.Error(tab, string.Empty, CleanMessage(exception.Message));
        }
        catch (YamlException exception)
        {
            diagnostics.Error(reader.FallbackMark(text, exception.Start), string.Empty, CleanMessage(exception.Message));
        }
        catch (TreeReadException exception)
        {
            diagnostics.Error(exception.Mark, string.Empty, exception.Message);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // YamlDotNet fails without a position on some malformed inputs (`{#a: 1}`): what it could not read starts
            // where the last event it gave ended.
            var mark = ParseFailureLocator.AfterLastEvent(text, fileName, reader._parser?.Current);
            diagnostics.Error(mark, string.Empty, "invalid YAML: " + ParseFailureLocator.Describe(text, mark));
        }

        return null;
    }

    private IReadOnlyList<MappingNode>? ReadStream(string text)
    {
        _text = text;
        _parser = new Parser(new StringReader(text));
        _parser.Consume<StreamStart>();
        var documents = new List<MappingNode>();
        var valid = true;
        while (_parser.TryConsume<DocumentStart>(out _))
        {
            // Anchors belong to the document that defines them.
            _anchors.Clear();
            var root = ReadNode();
            _parser.Consume<DocumentEnd>();
            switch (root)
            {
                case ScalarNode { IsNull: true }:
                    continue;
                case MappingNode mapping when ExpandedSize(mapping) > MaxExpandedNodes:
                    _diagnostics.Error(mapping.Mark, string.Empty, TooManyValues);
                    valid = false;
                    break;
                case MappingNode mapping:
                    documents.Add(mapping);
                    break;
                default:
                    _diagnostics.Error(root.Mark, string.Empty, "a compose file must be a mapping at the top level");
                    valid = false;
                    break;
            }
        }

        if (valid && documents.Count == 0)
        {
            _diagnostics.Error(new Mark(_fileName, 0, 0), string.Empty, "empty compose file");
        }

        return valid && documents.Count > 0 ? documents : null;
    }

    /// <summary>Where the last event the parser gave started (its index into the text), -1 before the first.</summary>
    private long LastEventStart => _parser?.Current is { } current ? current.Start.Index : -1;

    /// <summary>A YamlDotNet mark, unless it lies before what was already read (a mark it never set): then the place after the last event.</summary>
    private Mark FallbackMark(string text, YamlDotNet.Core.Mark mark) =>
        mark.Line > 0 && mark.Index >= LastEventStart ? ToMark(mark) : ParseFailureLocator.AfterLastEvent(text, _fileName, _parser?.Current);

    private Node ReadNode()
    {
        var current = _parser.Current ?? throw new TreeReadException(ParseFailureLocator.AfterLastEvent(_text, _fileName, null, atEnd: true), "unexpected end of file");
        if (current is SequenceStart or MappingStart)
        {
            // Checked before going one level deeper: every later walk of the tree recurses once per level too.
            if (_depth >= InputLimits.MaxNestingDepth)
            {
                throw new TreeReadException(ToMark(current.Start), $"nesting deeper than {InputLimits.MaxNestingDepth} levels");
            }

            // No try/finally: an exception ends the whole read, and the frame stays small (it repeats per level).
            _depth++;
            var collection = ReadEvent(current);
            _depth--;
            return collection;
        }

        return ReadEvent(current);
    }

    private Node ReadEvent(ParsingEvent current)
    {
        Node node;
        switch (current)
        {
            case AnchorAlias alias:
                _parser.MoveNext();
                if (!_anchors.TryGetValue(alias.Value.Value, out var anchored))
                {
                    throw new TreeReadException(ToMark(alias.Start), $"unknown anchor '{alias.Value.Value}'");
                }

                return anchored;
            case Scalar scalar:
                _parser.MoveNext();
                node = ReadScalar(scalar);
                break;
            case SequenceStart sequenceStart:
                _parser.MoveNext();
                node = ReadSequence(sequenceStart);
                break;
            case MappingStart mappingStart:
                _parser.MoveNext();
                node = ReadMapping(mappingStart);
                break;
            default:
                throw new TreeReadException(ToMark(current.Start), $"unexpected {current.GetType().Name}");
        }

        var anchorEvent = (NodeEvent)current;
        if (!anchorEvent.Anchor.IsEmpty)
        {
            _anchors[anchorEvent.Anchor.Value] = node;
        }

        return node;
    }

    private ScalarNode ReadScalar(Scalar scalar)
    {
        var isPlain = scalar.Style is ScalarStyle.Plain or ScalarStyle.Any;
        var tag = LocalTag(scalar.Tag);
        if (!scalar.Tag.IsEmpty && scalar.Tag.Value == StringTag)
        {
            // `!!str 8080` asks for a string: treat it like a quoted scalar so no later stage types it.
            isPlain = false;
        }

        var node = new ScalarNode(scalar.Value, isPlain, ToMark(scalar.Start), tag);
        if (scalar.Value.Contains('\0', StringComparison.Ordinal))
        {
            // A "\0" escape: no path, name or engine value can hold one, and file APIs throw on it.
            _diagnostics.Error(node.Mark, string.Empty, "a value may not contain a NUL character (\\0)");
        }

        _expandedSizes[node] = 1;
        return node;
    }

    private SequenceNode ReadSequence(SequenceStart start)
    {
        var items = new List<Node>();
        long size = 1;
        while (!_parser.TryConsume<SequenceEnd>(out _))
        {
            var item = ReadNode();
            size = CheckedAdd(size, ExpandedSize(item), item.Mark);
            items.Add(item);
        }

        var node = new SequenceNode(items, ToMark(start.Start), LocalTag(start.Tag));
        _expandedSizes[node] = size;
        return node;
    }

    private MappingNode ReadMapping(MappingStart start)
    {
        var explicitEntries = new List<MappingEntry>();
        var firstMarkByKey = new Dictionary<string, Mark>(StringComparer.Ordinal);
        var mergeSources = new List<MappingNode>();
        long size = 1;
        while (!_parser.TryConsume<MappingEnd>(out _))
        {
            var keyNode = ReadNode();
            var value = ReadNode();
            size = CheckedAdd(size, ExpandedSize(value), value.Mark);
            if (keyNode is not ScalarNode keyScalar)
            {
                _diagnostics.Error(keyNode.Mark, string.Empty, "mapping keys must be strings");
                continue;
            }

            if (keyScalar.IsPlain && keyScalar.Value == MergeKey)
            {
                CollectMergeSources(value, mergeSources);
                continue;
            }

            if (firstMarkByKey.TryGetValue(keyScalar.Value, out var firstMark))
            {
                _diagnostics.Error(keyScalar.Mark, string.Empty, $"duplicate key '{keyScalar.Value}' (first defined at line {firstMark.Line})");
                continue;
            }

            firstMarkByKey[keyScalar.Value] = keyScalar.Mark;
            explicitEntries.Add(new MappingEntry(keyScalar.Value, keyScalar.Mark, value));
        }

        // Explicit keys win over merged ones; among merge sources the earlier one wins.
        foreach (var source in mergeSources)
        {
            foreach (var entry in source.Entries)
            {
                if (firstMarkByKey.TryAdd(entry.Key, entry.KeyMark))
                {
                    explicitEntries.Add(entry);
                    size = CheckedAdd(size, ExpandedSize(entry.Value), entry.KeyMark);
                }
            }
        }

        var node = new MappingNode(explicitEntries, ToMark(start.Start), LocalTag(start.Tag));
        _expandedSizes[node] = size;
        return node;
    }

    private void CollectMergeSources(Node value, List<MappingNode> mergeSources)
    {
        switch (value)
        {
            case MappingNode mapping:
                mergeSources.Add(mapping);
                break;
            case SequenceNode sequence:
                foreach (var item in sequence.Items)
                {
                    if (item is MappingNode itemMapping)
                    {
                        mergeSources.Add(itemMapping);
                    }
                    else
                    {
                        _diagnostics.Error(item.Mark, string.Empty, "a merge key (<<) list must hold only mappings");
                    }
                }

                break;
            default:
                _diagnostics.Error(value.Mark, string.Empty, "a merge key (<<) takes a mapping or a list of mappings");
                break;
        }
    }

    private long ExpandedSize(Node node) => _expandedSizes.TryGetValue(node, out var size) ? size : 1;

    private static long CheckedAdd(long total, long addition, Mark mark)
    {
        var sum = total + addition;
        if (sum > MaxExpandedNodes)
        {
            throw new TreeReadException(mark, TooManyValues);
        }

        return sum;
    }

    private static string? LocalTag(TagName tag)
    {
        if (tag.IsEmpty || tag.IsNonSpecific)
        {
            return null;
        }

        var value = tag.Value;
        return value.StartsWith('!') ? value : null;
    }

    private Mark ToMark(YamlDotNet.Core.Mark mark) => new(_fileName, (int)mark.Line, (int)mark.Column);

    private static string CleanMessage(string message) => PositionPrefix().Replace(message, string.Empty);

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex PositionPrefix();
}
