using System.Text.Json;
using Composer.Engine.BuildKit;
using Composer.Engine.Contracts;
using Composer.Engine.Tests.Support;

namespace Composer.Engine.Tests.Unit.BuildKit;

public sealed class TraceDecoderTests
{
    private static IEnumerable<TraceMessage> RecordedFailingBuild() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Unit", "BuildKit", "Fixtures", "failing-run.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(root => root.TryGetProperty("id", out var id) && id.GetString() == "moby.buildkit.trace")
            .Select(root => TraceDecoder.DecodeBase64(root.GetProperty("aux").GetString()!))
            .ToList();

    [Fact]
    public void A_recorded_engine_trace_decodes_into_vertexes_with_times_logs_with_streams_and_the_error()
    {
        var messages = RecordedFailingBuild().ToList();

        var vertexes = messages.SelectMany(message => message.Vertexes).ToList();
        var run = vertexes.Last(vertex => vertex.Name.StartsWith("[2/2] RUN", StringComparison.Ordinal));
        Assert.StartsWith("sha256:", run.Digest, StringComparison.Ordinal);
        Assert.NotNull(run.Started);
        Assert.NotNull(run.Completed);
        Assert.True(run.Completed >= run.Started);
        Assert.Contains("exit code: 3", run.Error, StringComparison.Ordinal);
        Assert.Contains(vertexes, vertex => vertex.Name.StartsWith("[1/2] FROM", StringComparison.Ordinal) && vertex.Cached);

        var logs = messages.SelectMany(message => message.Logs).ToList();
        Assert.Contains(logs, log => log.Stream == 2 && System.Text.Encoding.UTF8.GetString(log.Data) == "main.c:3: error: expected ;\n");
        Assert.Contains(logs, log => log.Stream == 1 && System.Text.Encoding.UTF8.GetString(log.Data) == "line2\n");
        Assert.All(logs, log => Assert.Equal(run.Digest, log.Vertex));
    }

    [Fact]
    public void Folding_the_recorded_trace_numbers_steps_marks_the_cached_one_and_keeps_the_failed_steps_last_lines()
    {
        var observer = new RecordingBuildObserver();
        var state = new TraceState(observer);

        foreach (var message in RecordedFailingBuild())
        {
            state.Apply(message);
        }

        Assert.Contains(observer.Steps, step => step.Name.StartsWith("[1/2] FROM", StringComparison.Ordinal) && step.State == BuildStepState.Cached);
        var failed = Assert.Single(observer.Steps, step => step.State == BuildStepState.Failed);
        Assert.StartsWith("[2/2] RUN", failed.Name, StringComparison.Ordinal);
        Assert.Equal(["line2", "main.c:3: error: expected ;"], observer.Logs.Select(log => log.Line).Order(StringComparer.Ordinal));
        var failure = state.Failure!.Value;
        Assert.Equal(failed.Number, failure.Step.Number);
        Assert.Contains("main.c:3: error: expected ;", failure.Tail);

        // Each step is told once per change of state, however often the engine sends it again.
        Assert.Equal(observer.Steps.Count, observer.Steps.Select(step => (step.Number, step.State)).Distinct().Count());
    }

    [Fact]
    public void Unknown_fields_are_skipped_and_log_lines_cut_across_messages_are_joined()
    {
        var started = new ProtoWriter().Number(1, 1_700_000_000).Number(2, 500_000_000).ToArray();
        var vertex = new ProtoWriter().String(1, "sha256:aa").String(3, "[web 2/5] RUN npm ci").Bytes(5, started)
            .Number(99, 7).ToArray();
        var first = new ProtoWriter().Bytes(1, vertex).Bytes(3, Log("sha256:aa", "added 20 pack")).Number(42, 1).ToArray();
        var second = new ProtoWriter().Bytes(3, Log("sha256:aa", "ages\nnext")).ToArray();
        var observer = new RecordingBuildObserver();
        var state = new TraceState(observer);

        state.Apply(TraceDecoder.Decode(first));
        state.Apply(TraceDecoder.Decode(second));

        var step = Assert.Single(observer.Steps);
        Assert.Equal(new BuildStep(1, "[web 2/5] RUN npm ci", BuildStepState.Running, DateTimeOffset.FromUnixTimeSeconds(1_700_000_000).AddMilliseconds(500), null, null), step);
        Assert.Equal(["added 20 packages"], observer.Logs.Select(log => log.Line));
    }

    [Fact]
    public void A_message_cut_short_is_refused_rather_than_misread()
    {
        var vertex = new ProtoWriter().String(1, "sha256:aa").String(3, "RUN x").ToArray();
        var message = new ProtoWriter().Bytes(1, vertex).ToArray();

        Assert.Throws<FormatException>(() => TraceDecoder.Decode(message.AsSpan(0, message.Length - 2)));
    }

    private static byte[] Log(string vertex, string text) =>
        new ProtoWriter().String(1, vertex).Number(3, 1).Bytes(4, System.Text.Encoding.UTF8.GetBytes(text)).ToArray();
}
