using System.Text.Json;
using Composer.Cli.Rendering;
using Composer.Orchestration.Progress;

namespace Composer.Cli.Tests.Rendering;

/// <summary>One test per progress mode: what each renderer writes for the same events.</summary>
public sealed class ProgressRendererTests
{
    private static readonly ProgressEvent[] Events =
    [
        new(ResourceKind.Network, "shop_default", "Creating", ProgressState.Working, TimeSpan.Zero),
        new(ResourceKind.Network, "shop_default", "Created", ProgressState.Done, TimeSpan.FromMilliseconds(200)),
        new(ResourceKind.Container, "shop-web-1", "Starting", ProgressState.Working, TimeSpan.Zero),
        new(ResourceKind.Container, "shop-web-1", "Started", ProgressState.Done, TimeSpan.FromMilliseconds(900)),
    ];

    [Fact]
    public async Task Plain_writes_one_line_per_finished_step()
    {
        var error = new StringWriter();
        await using (var renderer = new PlainProgress(error))
        {
            Play(renderer);
        }

        Assert.Equal(" Network shop_default  Created 0.2s\n Container shop-web-1  Started 0.9s\nwarning: orphan found\n", error.ToString().Replace("\r", string.Empty));
    }

    [Fact]
    public async Task Json_writes_one_parseable_object_per_event()
    {
        var error = new StringWriter();
        await using (var renderer = new JsonProgress(error))
        {
            Play(renderer);
        }

        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Events.Length + 1, lines.Length);
        using var last = JsonDocument.Parse(lines[^2]);
        Assert.Equal("shop-web-1", last.RootElement.GetProperty("name").GetString());
        Assert.Equal("done", last.RootElement.GetProperty("state").GetString());
        Assert.Contains("\"level\":\"warning\"", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quiet_writes_only_warnings()
    {
        var error = new StringWriter();
        await using (var renderer = new QuietProgress(error))
        {
            Play(renderer);
        }

        Assert.Equal("warning: orphan found\n", error.ToString().Replace("\r", string.Empty));
    }

    [Fact]
    public async Task Tty_leaves_a_final_frame_with_every_resource_and_survives_a_second_dispose()
    {
        var error = new StringWriter();
        var renderer = new TtyProgress(error, useColor: false);
        Play(renderer);
        await renderer.DisposeAsync();
        await renderer.DisposeAsync();

        var screen = error.ToString();
        Assert.Contains("Network shop_default", screen, StringComparison.Ordinal);
        Assert.Contains("Container shop-web-1", screen, StringComparison.Ordinal);
        Assert.Contains("Started", screen, StringComparison.Ordinal);
        Assert.Contains("orphan found", screen, StringComparison.Ordinal);
    }

    private static void Play(IProgressSink sink)
    {
        foreach (var progress in Events)
        {
            sink.Report(progress);
        }

        sink.Warn("orphan found");
    }
}
