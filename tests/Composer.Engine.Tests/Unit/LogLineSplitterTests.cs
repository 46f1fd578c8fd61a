using System.Text;
using Composer.Engine.Contracts;
using Composer.Engine.DockerApi;

namespace Composer.Engine.Tests.Unit;

public sealed class LogLineSplitterTests
{
    [Fact]
    public void A_line_split_across_chunks_comes_out_whole()
    {
        var splitter = new LogLineSplitter();

        var first = splitter.Add(LogStream.Stdout, "hel"u8);
        var second = splitter.Add(LogStream.Stdout, "lo\nwor"u8);

        Assert.Empty(first);
        Assert.Equal([new LogLine(LogStream.Stdout, "hello")], second);
        Assert.Equal([new LogLine(LogStream.Stdout, "wor")], splitter.Flush());
    }

    [Fact]
    public void Stdout_and_stderr_keep_separate_partial_lines()
    {
        var splitter = new LogLineSplitter();

        splitter.Add(LogStream.Stdout, "out-"u8);
        var stderrLines = splitter.Add(LogStream.Stderr, "err\n"u8);
        var stdoutLines = splitter.Add(LogStream.Stdout, "line\n"u8);

        Assert.Equal([new LogLine(LogStream.Stderr, "err")], stderrLines);
        Assert.Equal([new LogLine(LogStream.Stdout, "out-line")], stdoutLines);
        Assert.Empty(splitter.Flush());
    }

    [Fact]
    public void A_utf8_character_cut_between_chunks_is_decoded_once_complete()
    {
        var bytes = Encoding.UTF8.GetBytes("café\n");
        var splitter = new LogLineSplitter();

        splitter.Add(LogStream.Stdout, bytes.AsSpan(0, 4));
        var lines = splitter.Add(LogStream.Stdout, bytes.AsSpan(4));

        Assert.Equal("café", Assert.Single(lines).Text);
    }

    [Fact]
    public void Terminal_line_endings_lose_their_carriage_return()
    {
        var lines = new LogLineSplitter().Add(LogStream.Stdout, "one\r\ntwo\r\n"u8);

        Assert.Equal(["one", "two"], lines.Select(line => line.Text));
    }

    [Fact]
    public void Empty_lines_are_kept()
    {
        var lines = new LogLineSplitter().Add(LogStream.Stdout, "a\n\nb\n"u8);

        Assert.Equal(["a", "", "b"], lines.Select(line => line.Text));
    }
}
