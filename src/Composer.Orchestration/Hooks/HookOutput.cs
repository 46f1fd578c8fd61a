using System.Text;
using Composer.Orchestration.Progress;

namespace Composer.Orchestration.Hooks;

/// <summary>
/// Receives a hook's output as it comes, hands each complete line to progress (so the user sees it live) and keeps
/// the last lines for the error message when the hook fails.
/// </summary>
internal sealed class HookOutput(IProgressSink progress, string source) : Stream
{
    private const int KeptLines = 5;
    private const int KeptLineLength = 300;

    private readonly object _gate = new();
    private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
    private readonly StringBuilder _partial = new();
    private readonly Queue<string> _tail = new();

    /// <summary>The last lines, joined for a one-line message.</summary>
    public string Tail()
    {
        lock (_gate)
        {
            Flush();
            return string.Join(" | ", _tail);
        }
    }

    public void Line(string line)
    {
        line = line.TrimEnd('\r');
        if (line.Length == 0)
        {
            return;
        }

        progress.HookOutput(source, line);
        lock (_gate)
        {
            _tail.Enqueue(line.Length > KeptLineLength ? line[..KeptLineLength] + "..." : line);
            while (_tail.Count > KeptLines)
            {
                _tail.Dequeue();
            }
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var chars = new char[_decoder.GetCharCount(buffer, flush: false)];
        _decoder.GetChars(buffer, chars, flush: false);
        List<string> lines = [];
        lock (_gate)
        {
            foreach (var c in chars)
            {
                if (c == '\n')
                {
                    lines.Add(_partial.ToString());
                    _partial.Clear();
                }
                else
                {
                    _partial.Append(c);
                }
            }
        }

        foreach (var line in lines)
        {
            Line(line);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    /// <summary>Hands on a last line that had no line break.</summary>
    public override void Flush()
    {
        string? last = null;
        lock (_gate)
        {
            if (_partial.Length > 0)
            {
                last = _partial.ToString();
                _partial.Clear();
            }
        }

        if (last is not null)
        {
            Line(last);
        }
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
