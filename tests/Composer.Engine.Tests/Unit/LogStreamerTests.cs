using Composer.Engine.Contracts;
using Composer.Engine.Tests.Support;
using Composer.Model;
using Composer.Orchestration.Logs;

namespace Composer.Engine.Tests.Unit;

public sealed class LogStreamerTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Without_follow_every_containers_output_is_printed_with_aligned_prefixes()
    {
        var engine = new FakeEngine();
        AddContainer(engine, "w1", "worker", 1, "exited", "working");
        AddContainer(engine, "d1", "db", 1, "running", "ready", "accepting");
        var sink = new RecordingLogSink();

        var exits = await new LogStreamer(engine, sink).RunAsync("p", new LogStreamOptions(), CancellationToken.None).WaitAsync(Limit);

        Assert.Empty(exits);
        Assert.Equal(["db-1     | accepting", "db-1     | ready", "worker-1 | working"], sink.Lines.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Following_ends_when_every_container_has_exited_and_reports_their_codes()
    {
        var engine = new FakeEngine();
        AddContainer(engine, "a1", "a", 1, "running", "hello");
        AddContainer(engine, "b1", "b", 1, "running", "world");
        engine.ExitCodes["a1"] = 0;
        engine.ExitCodes["b1"] = 3;
        var sink = new RecordingLogSink();

        var exits = await new LogStreamer(engine, sink).RunAsync("p", new LogStreamOptions { Follow = true, ReportExits = true }, CancellationToken.None).WaitAsync(Limit);

        Assert.Equal([("a", 0L), ("b", 3L)], exits.Select(exit => (exit.Service, exit.ExitCode)).Order());
        Assert.Contains("b-1 exited with code 3", sink.Lines);
        Assert.Contains("a-1 | hello", sink.Lines);
    }

    [Fact]
    public async Task A_container_that_starts_later_is_picked_up_from_its_start_event()
    {
        var engine = new FakeEngine();
        AddContainer(engine, "a1", "a", 1, "running", "first");
        var keepRunning = new TaskCompletionSource();
        engine.LogEnds["a1"] = keepRunning;
        engine.ExitCodes["a1"] = 0;
        engine.Logs["late1"] = [new LogLine(LogStream.Stdout, "late line")];
        engine.ExitCodes["late1"] = 0;
        var sink = new RecordingLogSink();

        var running = new LogStreamer(engine, sink).RunAsync("p", new LogStreamOptions { Follow = true }, CancellationToken.None);
        await engine.Events.Writer.WriteAsync(new EngineEvent("late1", "start", Labels("late", 1, "p-late-1"), DateTimeOffset.UtcNow));
        await sink.WaitForAsync("late-1 | late line").WaitAsync(Limit);
        keepRunning.SetResult();
        var exits = await running.WaitAsync(Limit);

        Assert.Equal(["a", "late"], exits.Select(exit => exit.Service).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Stop_on_first_exit_ends_while_others_still_run()
    {
        var engine = new FakeEngine();
        AddContainer(engine, "a1", "a", 1, "running", "done soon");
        AddContainer(engine, "b1", "b", 1, "running", "runs on");
        engine.LogEnds["b1"] = new TaskCompletionSource();
        engine.ExitCodes["a1"] = 7;

        var exits = await new LogStreamer(engine, new RecordingLogSink())
            .RunAsync("p", new LogStreamOptions { Follow = true, StopOnFirstExit = true }, CancellationToken.None).WaitAsync(Limit);

        Assert.Equal(7, Assert.Single(exits).ExitCode);
    }

    [Fact]
    public async Task Services_and_index_select_containers()
    {
        var engine = new FakeEngine();
        AddContainer(engine, "w1", "web", 1, "running", "one");
        AddContainer(engine, "w2", "web", 2, "running", "two");
        AddContainer(engine, "d1", "db", 1, "running", "db");
        var sink = new RecordingLogSink();

        await new LogStreamer(engine, sink).RunAsync("p", new LogStreamOptions { Services = ["web"], Index = 2, Prefix = false }, CancellationToken.None).WaitAsync(Limit);

        Assert.Equal(["two"], sink.Lines);
    }

    [Fact]
    public async Task Cancelling_a_follow_ends_it()
    {
        var engine = new FakeEngine();
        AddContainer(engine, "a1", "a", 1, "running", "forever");
        engine.LogEnds["a1"] = new TaskCompletionSource();
        using var cancel = new CancellationTokenSource();
        var sink = new RecordingLogSink();

        var running = new LogStreamer(engine, sink).RunAsync("p", new LogStreamOptions { Follow = true }, cancel.Token);
        await sink.WaitForAsync("a-1 | forever").WaitAsync(Limit);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(Limit));
    }

    private static void AddContainer(FakeEngine engine, string id, string service, int number, string state, params string[] lines)
    {
        engine.Containers.Add(new ContainerSummary { Id = id, Name = $"p-{service}-{number}", State = state, Labels = Labels(service, number, null) });
        engine.Logs[id] = [.. lines.Select(line => new LogLine(LogStream.Stdout, line))];
    }

    private static Dictionary<string, string> Labels(string service, int number, string? name)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ComposeLabels.Project] = "p",
            [ComposeLabels.Service] = service,
            [ComposeLabels.ContainerNumber] = number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (name is not null)
        {
            labels["name"] = name;
        }

        return labels;
    }
}
