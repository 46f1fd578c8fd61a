using Composer.Engine.Contracts;
using Composer.Engine.Tests.Support;
using Composer.Model;
using Composer.Orchestration.Logs;
using Composer.Orchestration.Services;

namespace Composer.Engine.Tests.Integration;

[Collection(EngineCollection.Name)]
public sealed class LogsTests(EngineFixture fixture)
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;

    private static Service Printer(string name, string script, bool tty = false) => new()
    {
        Name = name,
        Image = "busybox:latest",
        Command = ["sh", "-c", script],
        Tty = tty,
    };

    [Fact]
    public async Task Logs_keep_stdout_and_stderr_apart_and_wait_gives_the_exit_code()
    {
        await using var scope = new ProjectScope(fixture, "logs");
        var project = TestServices.Project(scope.Name, Printer("p", "echo out one; echo err one >&2; printf 'no newline'; exit 3"));
        await scope.Up.UpAsync(project, new UpOptions(), Timeout);
        var container = $"{scope.Name}-p-1";

        var exitCode = await fixture.Engine.WaitContainerAsync(container, Timeout);
        var lines = await ReadAllAsync(container, new LogRequest());

        Assert.Equal(3, exitCode);
        Assert.Equal([new LogLine(LogStream.Stdout, "out one"), new LogLine(LogStream.Stdout, "no newline")], lines.Where(line => line.Stream == LogStream.Stdout));
        Assert.Equal([new LogLine(LogStream.Stderr, "err one")], lines.Where(line => line.Stream == LogStream.Stderr));
    }

    [Fact]
    public async Task Tail_and_timestamps_are_applied_by_the_engine()
    {
        await using var scope = new ProjectScope(fixture, "tail");
        var project = TestServices.Project(scope.Name, Printer("p", "for i in 1 2 3 4 5; do echo line $i; done"));
        await scope.Up.UpAsync(project, new UpOptions(), Timeout);
        var container = $"{scope.Name}-p-1";
        await fixture.Engine.WaitContainerAsync(container, Timeout);

        var lines = await ReadAllAsync(container, new LogRequest { Tail = "2", Timestamps = true });

        Assert.Equal(2, lines.Count);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT[0-9:.]+Z line 4$", lines[0].Text);
        Assert.EndsWith(" line 5", lines[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tty_containers_output_is_read_as_plain_lines()
    {
        await using var scope = new ProjectScope(fixture, "tty");
        var project = TestServices.Project(scope.Name, Printer("p", "echo first; echo second", tty: true));
        await scope.Up.UpAsync(project, new UpOptions(), Timeout);
        var container = $"{scope.Name}-p-1";
        await fixture.Engine.WaitContainerAsync(container, Timeout);

        var lines = await ReadAllAsync(container, new LogRequest());

        Assert.Equal(["first", "second"], lines.Select(line => line.Text));
    }

    [Fact]
    public async Task Following_a_running_container_ends_when_it_stops()
    {
        await using var scope = new ProjectScope(fixture, "follow");
        var project = TestServices.Project(scope.Name, Printer("p", "echo started; trap 'echo bye; exit 0' TERM; sleep 3600 & wait") with { StopGracePeriod = TimeSpan.FromSeconds(5) });
        await scope.Up.UpAsync(project, new UpOptions(), Timeout);
        var container = $"{scope.Name}-p-1";
        var sink = new RecordingLogSink();

        var following = new LogStreamer(fixture.Engine, sink).RunAsync(scope.Name, new LogStreamOptions { Follow = true, ReportExits = true }, Timeout);
        await sink.WaitForAsync("p-1 | started").WaitAsync(TimeSpan.FromSeconds(30));
        await fixture.Engine.StopContainerAsync(container, TimeSpan.FromSeconds(5), Timeout);
        var exits = await following.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, Assert.Single(exits).ExitCode);
        Assert.Equal(["p-1 | started", "p-1 | bye", "p-1 exited with code 0"], sink.Lines);
    }

    [Fact]
    public async Task The_logs_of_a_container_that_is_gone_are_empty()
    {
        var lines = await ReadAllAsync("composer-no-such-container-" + Guid.NewGuid().ToString("N"), new LogRequest { Follow = true });

        Assert.Empty(lines);
        Assert.Null(await fixture.Engine.WaitContainerAsync("composer-no-such-container-" + Guid.NewGuid().ToString("N"), Timeout));
    }

    private async Task<List<LogLine>> ReadAllAsync(string container, LogRequest request)
    {
        var lines = new List<LogLine>();
        await foreach (var line in fixture.Engine.ContainerLogsAsync(container, request, Timeout))
        {
            lines.Add(line);
        }

        return lines;
    }
}
