using System.Text.Json;
using Composer.Cli.Hosting;

namespace Composer.Cli.Tests.Engine;

[Collection(EngineCollection.Name)]
public sealed class InspectionCommandTests
{
    private const string WebStack = """
        services:
          web:
            image: busybox:latest
            command: ["sh", "-c", "mkdir -p /www && echo served > /www/index.html && exec httpd -f -p 8080 -h /www"]
            ports: ["127.0.0.1::8080"]
            stop_signal: SIGKILL
        """;

    [Fact]
    public async Task Port_prints_the_loopback_binding_and_that_port_answers()
    {
        await using var project = new EngineProject(WebStack);
        Assert.Equal(0, (await project.RunAsync("up", "-d")).ExitCode);

        var port = await project.RunAsync("port", "web", "8080");

        Assert.Equal(0, port.ExitCode);
        var binding = port.Output.Trim();
        Assert.Matches(@"^127\.0\.0\.1:\d+$", binding);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var body = await EventuallyAsync(async () =>
        {
            try
            {
                return await http.GetStringAsync($"http://{binding}/index.html");
            }
            catch (HttpRequestException)
            {
                return null;
            }
        });
        Assert.Equal("served\n", body);
    }

    [Fact]
    public async Task Port_of_an_unpublished_port_or_an_unknown_service_fails_with_one_line()
    {
        await using var project = new EngineProject(WebStack);
        Assert.Equal(0, (await project.RunAsync("up", "-d")).ExitCode);

        var unpublished = await project.RunAsync("port", "web", "9999");
        var unknown = await project.RunAsync("port", "nope", "8080");

        Assert.Equal(1, unpublished.ExitCode);
        Assert.Equal("", unpublished.Output);
        Assert.Contains("no port 9999/tcp published", unpublished.Error);
        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Equal("error: no such service: nope", unknown.Error.Trim());
    }

    [Fact]
    public async Task Top_prints_the_container_name_and_its_process_table()
    {
        await using var project = new EngineProject(WebStack);
        Assert.Equal(0, (await project.RunAsync("up", "-d")).ExitCode);

        var top = await project.RunAsync("top", "web");

        Assert.Equal(0, top.ExitCode);
        var lines = top.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"{project.Name}-web-1", lines[0]);
        Assert.Matches(@"^UID\s+PID\s+PPID\s+C\s+STIME\s+TTY\s+TIME\s+CMD$", lines[1]);
        Assert.Contains(lines, line => line.Contains("httpd -f -p 8080", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stats_no_stream_json_gives_one_sensible_object_per_container()
    {
        await using var project = new EngineProject(WebStack);
        Assert.Equal(0, (await project.RunAsync("up", "-d")).ExitCode);

        var stats = await project.RunAsync("stats", "--no-stream", "--format", "json");

        Assert.Equal(0, stats.ExitCode);
        using var row = JsonDocument.Parse(Assert.Single(stats.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        var root = row.RootElement;
        Assert.Equal($"{project.Name}-web-1", root.GetProperty("Name").GetString());
        Assert.Matches(@"^\d+\.\d\d%$", root.GetProperty("CPUPerc").GetString());
        Assert.Matches(@"^[\d.]+(B|KiB|MiB) / [\d.]+(MiB|GiB|TiB)$", root.GetProperty("MemUsage").GetString());
        Assert.InRange(int.Parse(root.GetProperty("PIDs").GetString()!), 1, 10);
    }

    [Fact]
    public async Task Wait_prints_and_returns_the_containers_exit_code()
    {
        await using var project = new EngineProject("""
            services:
              job:
                image: busybox:latest
                command: ["sh", "-c", "sleep 1; exit 7"]
            """);
        Assert.Equal(0, (await project.RunAsync("up", "-d")).ExitCode);

        var wait = await project.RunAsync("wait", "job");

        Assert.Equal(7, wait.ExitCode);
        Assert.Equal("7\n", wait.Output);
    }

    [Fact]
    public async Task Events_json_reports_a_stop_and_start_it_sees_until_cancelled()
    {
        await using var project = new EngineProject(WebStack);
        Assert.Equal(0, (await project.RunAsync("up", "-d")).ExitCode);
        var output = new StringWriter();
        var synchronized = TextWriter.Synchronized(output);
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var context = new CliContext(synchronized, TextWriter.Null, new StringReader(""), new Dictionary<string, string>(), project.Directory, false, false);
        var events = ComposerApp.RunAsync(["-p", project.Name, "events", "--json", "web"], context, stop.Token);

        // The subscription takes hold at some moment after the command starts: restart until a start shows up after it.
        var seen = await EventuallyAsync(async () =>
        {
            await project.RunAsync("restart", "-t", "0", "web");
            var lines = Lines(synchronized, output);
            return lines.Any(line => line.Contains("\"action\":\"start\"", StringComparison.Ordinal)) ? lines : null;
        });
        await stop.CancelAsync();
        var exitCode = await events;

        Assert.Equal(130, exitCode);
        var parsed = seen.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.All(parsed, element => Assert.Equal("web", element.GetProperty("service").GetString()));
        Assert.All(parsed, element => Assert.Equal("container", element.GetProperty("type").GetString()));
        Assert.Contains(parsed, element => element.GetProperty("action").GetString() == "start"
            && element.GetProperty("attributes").GetProperty("name").GetString() == $"{project.Name}-web-1");
        Assert.Contains(parsed, element => element.GetProperty("action").GetString() is "die" or "stop" or "kill");
    }

    // The synchronized wrapper locks on itself; the text is read from the writer underneath it.
    private static List<string> Lines(TextWriter synchronized, StringWriter output)
    {
        lock (synchronized)
        {
            return [.. output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)];
        }
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> attempt)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (await attempt() is { } value)
            {
                return value;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("condition not met within 60s");
    }
}
