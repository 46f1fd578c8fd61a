using System.CommandLine;
using Composer.Cli.Hosting;
using Composer.Cli.Logs;
using Composer.Engine.Contracts;
using Composer.Orchestration.Logs;

namespace Composer.Cli.Commands;

/// <summary><c>composer logs</c>: the output of the project's containers, each line prefixed with its container.</summary>
internal static class LogsCommand
{
    private static readonly Option<bool> Follow = new("--follow", "-f") { Description = "Follow log output" };
    private static readonly Option<string> Tail = new("--tail", "-n") { Description = "Number of lines to show from the end of the logs for each container, or \"all\"", DefaultValueFactory = _ => "all" };
    private static readonly Option<string?> Since = new("--since") { Description = "Show logs since a timestamp (2013-01-02T13:23:37Z) or relative (42m)" };
    private static readonly Option<string?> Until = new("--until") { Description = "Show logs before a timestamp (2013-01-02T13:23:37Z) or relative (42m)" };
    private static readonly Option<bool> Timestamps = new("--timestamps", "-t") { Description = "Show timestamps" };
    private static readonly Option<bool> NoColor = new("--no-color") { Description = "Produce monochrome output" };
    private static readonly Option<bool> NoLogPrefix = new("--no-log-prefix") { Description = "Don't print a prefix in logs" };
    private static readonly Option<int?> Index = new("--index") { Description = "Index of the container if the service has several replicas" };
    private static readonly Argument<string[]> Services = new("services") { Arity = ArgumentArity.ZeroOrMore };

    public static Command Create(CliContext context) => CommandRunner.Define(
        "logs", "View output from containers", context, RunAsync,
        Follow, Tail, Since, Until, Timestamps, NoColor, NoLogPrefix, Index, Services);

    private static async Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var parse = invocation.ParseResult;
        var services = parse.GetValue(Services) ?? [];
        var tail = (parse.GetValue(Tail) ?? "all").Trim();
        if (tail != "all" && (!int.TryParse(tail, out var lines) || lines < 0))
        {
            throw new UsageException($"--tail must be a number of lines or \"all\" (got '{tail}')");
        }

        if (parse.GetValue(Index) is <= 0)
        {
            throw new UsageException("--index must be a positive number");
        }

        var now = DateTimeOffset.UtcNow;
        var options = new LogStreamOptions
        {
            Services = services,
            Index = parse.GetValue(Index),
            Follow = parse.GetValue(Follow),
            Tail = tail,
            Since = EngineTime(parse.GetValue(Since), "--since", now),
            Until = EngineTime(parse.GetValue(Until), "--until", now),
            Timestamps = parse.GetValue(Timestamps),
            Prefix = !parse.GetValue(NoLogPrefix),
            Colour = LogColours.Enabled(invocation, parse.GetValue(NoColor)),
        };

        var project = await invocation.LoadProjectAsync(services, cancellationToken);
        ServiceNames.EnsureKnown(project, services);
        if (services.Length == 0 && project.Services.Values.Any(service => service.Attach == false))
        {
            // attach: false keeps a service out of logs unless it is named.
            options = options with { Services = [.. project.Services.Values.Where(service => service.Attach != false).Select(service => service.Name)] };
        }

        using var engine = EngineFactory.Create(new EngineOptions());
        await engine.PingAsync(cancellationToken);
        try
        {
            await new LogStreamer(engine, new ConsoleLogSink(invocation.Context.Out)).RunAsync(project.Name, options, cancellationToken);
        }
        catch (OperationCanceledException) when (options.Follow && cancellationToken.IsCancellationRequested)
        {
            // Ctrl-C is the usual way a follow ends: no error message, only the shell's code for it.
            return ExitCodes.Interrupted;
        }

        return ExitCodes.Success;
    }

    internal static string? EngineTime(string? value, string option, DateTimeOffset now)
    {
        if (value is null)
        {
            return null;
        }

        try
        {
            return LogTime.ToEngineTime(value, now);
        }
        catch (FormatException failure)
        {
            throw new UsageException($"{option}: {failure.Message}");
        }
    }
}
