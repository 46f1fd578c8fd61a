using System.Text;
using Composer.Engine.Contracts;

namespace Composer.Engine.DockerApi;

/// <summary>
/// Turns the chunks the engine sends into whole lines, one buffer per stream: a chunk may end in the middle of a
/// line or even in the middle of a UTF-8 character, and stdout and stderr chunks interleave.
/// </summary>
internal sealed class LogLineSplitter
{
    private readonly Dictionary<LogStream, (Decoder Decoder, StringBuilder Text)> partials = new();

    /// <summary>Adds a chunk and returns the lines it completed, in order.</summary>
    public IReadOnlyList<LogLine> Add(LogStream stream, ReadOnlySpan<byte> chunk)
    {
        var partial = PartialOf(stream);
        var chars = new char[partial.Decoder.GetCharCount(chunk, flush: false)];
        partial.Decoder.GetChars(chunk, chars, flush: false);
        List<LogLine>? completed = null;
        foreach (var character in chars)
        {
            if (character == '\n')
            {
                (completed ??= []).Add(new LogLine(stream, TakeLine(partial.Text)));
            }
            else
            {
                partial.Text.Append(character);
            }
        }

        return completed ?? (IReadOnlyList<LogLine>)[];
    }

    /// <summary>The unterminated rest of every stream, for when the output ends without a final line break.</summary>
    public IReadOnlyList<LogLine> Flush()
    {
        var rest = new List<LogLine>();
        foreach (var (stream, partial) in partials.OrderBy(pair => pair.Key))
        {
            var tail = new char[partial.Decoder.GetCharCount([], flush: true)];
            partial.Decoder.GetChars([], tail, flush: true);
            partial.Text.Append(tail);
            if (partial.Text.Length > 0)
            {
                rest.Add(new LogLine(stream, TakeLine(partial.Text)));
            }
        }

        return rest;
    }

    private (Decoder Decoder, StringBuilder Text) PartialOf(LogStream stream)
    {
        if (!partials.TryGetValue(stream, out var partial))
        {
            partial = (new UTF8Encoding(false).GetDecoder(), new StringBuilder());
            partials[stream] = partial;
        }

        return partial;
    }

    // Terminal (tty) output ends lines with \r\n: the \r is not part of the line.
    private static string TakeLine(StringBuilder text)
    {
        var length = text.Length > 0 && text[^1] == '\r' ? text.Length - 1 : text.Length;
        var line = text.ToString(0, length);
        text.Clear();
        return line;
    }
}
