using System.CommandLine;
using Composer.Cli.Commands;

namespace Composer.Cli.Hosting;

/// <summary>Builds the command tree and runs one command line; the only entry point tests and Program use.</summary>
internal static class ComposerApp
{
    public static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand("Composer: define and run multi-container applications with the Docker engine");
        foreach (var option in GlobalOptions.All)
        {
            root.Options.Add(option);
        }

        root.Subcommands.Add(ConfigCommand.Create(context));
        root.Subcommands.Add(UpCommand.Create(context));
        root.Subcommands.Add(DownCommand.Create(context));
        root.Subcommands.Add(ScaleCommand.Create(context));
        root.Subcommands.Add(PsCommand.Create(context));
        root.Subcommands.Add(LsCommand.Create(context));
        root.Subcommands.Add(CreateCommand.Create(context));
        root.Subcommands.Add(BuildCommand.Create(context));
        root.Subcommands.Add(RmCommand.Create(context));
        root.Subcommands.Add(VersionCommand.Create(context));
        foreach (var lifecycle in LifecycleCommands.Create(context))
        {
            root.Subcommands.Add(lifecycle);
        }
        root.Subcommands.Add(LogsCommand.Create(context));
        root.Subcommands.Add(PullCommand.Create(context));
        root.Subcommands.Add(PushCommand.Create(context));
        root.Subcommands.Add(ImagesCommand.Create(context));
        // Inspection verbs: port, top, events, cp, wait, stats.
        root.Subcommands.Add(PortCommand.Create(context));
        root.Subcommands.Add(TopCommand.Create(context));
        root.Subcommands.Add(EventsCommand.Create(context));
        root.Subcommands.Add(CpCommand.Create(context));
        root.Subcommands.Add(WaitCommand.Create(context));
        root.Subcommands.Add(StatsCommand.Create(context));
        root.Subcommands.Add(ExecCommand.Create(context));
        root.Subcommands.Add(RunCommand.Create(context));
        root.Subcommands.Add(AttachCommand.Create(context));
        root.Subcommands.Add(WatchCommand.Create(context));
        root.Subcommands.Add(StackCommand.Create(context));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken)
    {
        var root = BuildRoot(context);
        var parseResult = root.Parse(PassThroughArguments.Separate(args, root));
        var configuration = new InvocationConfiguration
        {
            Output = context.Out,
            Error = context.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = TimeSpan.FromSeconds(10),
        };
        return await parseResult.InvokeAsync(configuration, cancellationToken);
    }
}
