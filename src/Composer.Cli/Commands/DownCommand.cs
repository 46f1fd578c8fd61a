using System.CommandLine;
using Composer.Cli.Hosting;
using Composer.Cli.Output;
using Composer.Orchestration.Services;
using Composer.Planning;

namespace Composer.Cli.Commands;

/// <summary><c>composer down</c>: stop and remove containers and networks (and volumes with -v).</summary>
internal static class DownCommand
{
    private static readonly Option<bool> Volumes = new("--volumes", "-v") { Description = "Remove named volumes declared in the file and anonymous volumes" };
    private static readonly Option<bool> RemoveOrphans = new("--remove-orphans") { Description = "Remove containers of services not in the compose file" };
    private static readonly Option<string?> RemoveImages = new("--rmi") { Description = "Remove images used by services: local (only those built without an image: name) or all" };
    private static readonly Option<int?> Timeout = new("--timeout", "-t") { Description = "Seconds to wait for containers to stop" };

    private static readonly Argument<string[]> Services = new("services") { Arity = ArgumentArity.ZeroOrMore };

    public static Command Create(CliContext context) => CommandRunner.Define(
        "down", "Stop and remove containers, networks", context, RunAsync,
        Volumes, RemoveOrphans, Timeout, RemoveImages, PlanFormat.Option, Services);

    private static Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var parse = invocation.ParseResult;
        var removeImages = parse.GetValue(RemoveImages) switch
        {
            null => DownImageRemoval.None,
            "local" => DownImageRemoval.Local,
            "all" => DownImageRemoval.All,
            var other => throw new UsageException($"--rmi must be local or all (got '{other}')"),
        };
        var services = parse.GetValue(Services) ?? [];
        return VerbExecution.RunAsync(invocation, services, (orchestration, project, dryRun, token) =>
            new DownService(orchestration).DownAsync(project, new DownOptions
            {
                Volumes = parse.GetValue(Volumes),
                RemoveOrphans = OrphanSwitches.Remove(parse, RemoveOrphans, invocation.Context),
                IgnoreOrphans = OrphanSwitches.Ignore(project, invocation.Context),
                Timeout = Durations.Seconds(parse.GetValue(Timeout)),
                DryRun = dryRun,
                RemoveImages = removeImages,
                Services = services,
            }, token), cancellationToken);
    }
}
