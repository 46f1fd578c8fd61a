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
    public async Task Json_events_carry_the_cause_of_their_step()
    {
        var error = new StringWriter();
        await using (var renderer = new JsonProgress(error))
        {
            renderer.Report(new ProgressEvent(ResourceKind.Container, "shop-web-1", "Recreated", ProgressState.Done, TimeSpan.FromSeconds(2))
            {
                Cause = "environment.API_URL changed",
            });
        }

        using var line = JsonDocument.Parse(error.ToString());
        Assert.Equal("environment.API_URL changed", line.RootElement.GetProperty("cause").GetString());
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

    [Fact]
    public async Task Tty_final_frame_tells_recreated_containers_from_created_kept_and_removed_ones()
    {
        var error = new StringWriter();
        var renderer = new TtyProgress(error, useColor: false);
        foreach (var progress in new ProgressEvent[]
        {
            new(ResourceKind.Container, "shop-db-1", "Running", ProgressState.Done, TimeSpan.Zero),
            new(ResourceKind.Container, "shop-web-1", "Recreate", ProgressState.Working, TimeSpan.Zero),
            new(ResourceKind.Container, "shop-web-1", "Recreated", ProgressState.Done, TimeSpan.FromSeconds(1)),
            new(ResourceKind.Container, "shop-web-1", "Starting", ProgressState.Working, TimeSpan.Zero),
            new(ResourceKind.Container, "shop-web-1", "Started", ProgressState.Done, TimeSpan.FromSeconds(1)),
            new(ResourceKind.Container, "shop-web-2", "Created", ProgressState.Done, TimeSpan.FromSeconds(1)),
            new(ResourceKind.Container, "shop-web-2", "Started", ProgressState.Done, TimeSpan.FromSeconds(1)),
            new(ResourceKind.Container, "shop-worker-2", "Removed", ProgressState.Done, TimeSpan.FromSeconds(1)),
        })
        {
            renderer.Report(progress);
        }

        await renderer.DisposeAsync();

        // The last frame is what stays on screen: the text after the live view's last redraw.
        var lines = error.ToString().Split('\n').Select(line => line.TrimEnd()).ToList();
        var last = lines.FindLastIndex(line => line.Contains("[+] Running 4/4", StringComparison.Ordinal));
        var frame = string.Join('\n', lines.Skip(last).Take(5));
        Assert.Matches(@"Container shop-db-1\s+Running", frame);
        Assert.Matches(@"Container shop-web-1\s+Recreated, Started", frame);
        Assert.Matches(@"Container shop-web-2\s+Started", frame);
        Assert.Matches(@"Container shop-worker-2\s+Removed", frame);
        Assert.Equal("Recreated, Starting", TtyProgress.StatusText(new ProgressEvent(ResourceKind.Container, "w", "Starting", ProgressState.Working, TimeSpan.Zero), recreated: true));
    }

    // A pull of one service: its line, then its two layers' lines.
    private static readonly ProgressEvent[] Pull =
    [
        new(ResourceKind.Service, "tool", "Pulling", ProgressState.Working, TimeSpan.Zero),
        new(ResourceKind.Layer, "a1b2c3d4e5f6", "Downloading", ProgressState.Working, TimeSpan.Zero) { Parent = "tool", Current = 1_200_000, Total = 3_400_000 },
        new(ResourceKind.Layer, "0f9e8d7c6b5a", "Already exists", ProgressState.Done, TimeSpan.Zero) { Parent = "tool" },
        new(ResourceKind.Layer, "a1b2c3d4e5f6", "Pull complete", ProgressState.Done, TimeSpan.Zero) { Parent = "tool", Current = 3_400_000, Total = 3_400_000 },
        new(ResourceKind.Service, "tool", "Pulled", ProgressState.Done, TimeSpan.FromMilliseconds(1500)),
    ];

    [Fact]
    public async Task Tty_shows_each_layer_under_its_service_with_its_bytes_and_counts_only_the_service()
    {
        var error = new StringWriter();
        await using (var renderer = new TtyProgress(error, useColor: false))
        {
            Array.ForEach(Pull, renderer.Report);
        }

        var screen = error.ToString();
        Assert.Contains("Running 1/1", screen, StringComparison.Ordinal);
        Assert.Matches(@"Service tool\s+Pulled\s+1\.5s 3\.4MB/3\.4MB", screen);
        Assert.Matches(@"a1b2c3d4e5f6\s+Pull complete\s+3\.4MB/3\.4MB", screen);
        Assert.Contains("0f9e8d7c6b5a", screen, StringComparison.Ordinal);
        Assert.True(screen.IndexOf("Service tool", StringComparison.Ordinal) < screen.LastIndexOf("a1b2c3d4e5f6", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Plain_and_json_keep_one_line_per_image_and_leave_layers_out()
    {
        var plain = new StringWriter();
        var json = new StringWriter();
        await using (var plainRenderer = new PlainProgress(plain))
        await using (var jsonRenderer = new JsonProgress(json))
        {
            Array.ForEach(Pull, plainRenderer.Report);
            Array.ForEach(Pull, jsonRenderer.Report);
        }

        Assert.Equal(" Service tool  Pulled 1.5s\n", plain.ToString().Replace("\r", string.Empty));
        var objects = json.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, objects.Length);
        Assert.All(objects, line => Assert.Equal("service", JsonDocument.Parse(line).RootElement.GetProperty("kind").GetString()));
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
