using Composer.Engine.Contracts;
using Composer.Engine.Tests.Support;
using Composer.Orchestration.Images;
using Composer.Orchestration.Progress;

namespace Composer.Engine.Tests.Unit.Images;

public sealed class LayerProgressTests
{
    // What the engine sends for a two-layer pull where one layer is already present, in order.
    private static readonly TransferProgress[] Pull =
    [
        new("1.36", "Pulling from library/busybox"),
        new("a1b2c3d4e5f6", "Pulling fs layer"),
        new("0f9e8d7c6b5a", "Already exists"),
        new("a1b2c3d4e5f6", "Downloading", 200_000, 2_000_000),
        new("a1b2c3d4e5f6", "Downloading", 2_000_000, 2_000_000),
        new("a1b2c3d4e5f6", "Verifying Checksum"),
        new("a1b2c3d4e5f6", "Download complete"),
        new("a1b2c3d4e5f6", "Extracting", 1_000_000, 2_000_000),
        new("a1b2c3d4e5f6", "Pull complete"),
        new(null, "Digest: sha256:0123"),
        new(null, "Status: Downloaded newer image for busybox:1.36"),
    ];

    [Fact]
    public void Every_layer_message_becomes_a_line_of_that_layer_under_the_service_and_image_messages_are_left_out()
    {
        var sink = new RecordingProgressSink();
        var layers = new LayerProgress("tool", sink);

        foreach (var message in Pull)
        {
            layers.Report(message);
        }

        var events = sink.Events.ToList();
        Assert.All(events, layer => Assert.Equal((ResourceKind.Layer, "tool"), (layer.Kind, layer.Parent)));
        Assert.Equal(
            [
                ("a1b2c3d4e5f6", "Pulling fs layer", ProgressState.Working),
                ("0f9e8d7c6b5a", "Already exists", ProgressState.Done),
                ("a1b2c3d4e5f6", "Downloading", ProgressState.Working),
                ("a1b2c3d4e5f6", "Downloading", ProgressState.Working),
                ("a1b2c3d4e5f6", "Verifying Checksum", ProgressState.Working),
                ("a1b2c3d4e5f6", "Download complete", ProgressState.Working),
                ("a1b2c3d4e5f6", "Extracting", ProgressState.Working),
                ("a1b2c3d4e5f6", "Pull complete", ProgressState.Done),
            ],
            events.Select(layer => (layer.Name, layer.Status, layer.State)));
    }

    [Fact]
    public void A_layer_keeps_the_size_the_download_told_through_checksum_extraction_and_completion()
    {
        var layers = new LayerProgress("tool", NullProgressSink.Instance);

        var bytes = Pull.Select(layers.Translate).OfType<ProgressEvent>().Where(layer => layer.Name == "a1b2c3d4e5f6").Select(layer => (layer.Current, layer.Total));

        Assert.Equal<(long?, long?)>(
            [(null, null), (200_000, 2_000_000), (2_000_000, 2_000_000), (2_000_000, 2_000_000), (2_000_000, 2_000_000), (1_000_000, 2_000_000), (2_000_000, 2_000_000)],
            bytes);
    }

    [Fact]
    public void Push_statuses_end_a_layer_too()
    {
        var layers = new LayerProgress("app", NullProgressSink.Instance);

        Assert.Equal(ProgressState.Working, layers.Translate(new("c0ffee000001", "Pushing", 10, 100))?.State);
        Assert.Equal((ProgressState.Done, 100L), (layers.Translate(new("c0ffee000001", "Pushed"))?.State, layers.Translate(new("c0ffee000001", "Pushed"))?.Total));
        Assert.Equal(ProgressState.Done, layers.Translate(new("c0ffee000002", "Layer already exists"))?.State);
        Assert.Equal(ProgressState.Done, layers.Translate(new("c0ffee000003", "Mounted from library/busybox"))?.State);
        Assert.Null(layers.Translate(new(null, "The push refers to repository [127.0.0.1:5000/app]")));
    }

    [Fact]
    public void A_layer_that_came_in_one_read_without_a_downloading_message_takes_its_size_from_the_extraction()
    {
        var layers = new LayerProgress("tool", NullProgressSink.Instance);
        TransferProgress[] small =
        [
            new("a1b2c3d4e5f6", "Pulling fs layer"),
            new("a1b2c3d4e5f6", "Download complete"),
            new("a1b2c3d4e5f6", "Extracting", 155, 155),
            new("a1b2c3d4e5f6", "Pull complete"),
        ];

        var complete = small.Select(layers.Translate).OfType<ProgressEvent>().Last();

        Assert.Equal(("Pull complete", 155L, 155L), (complete.Status, complete.Current, complete.Total));
    }
}
