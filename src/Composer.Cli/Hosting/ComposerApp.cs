using System.CommandLine;
using System.CommandLine.Help;
using Composer.Cli.Commands;
using Composer.Cli.Completion;

namespace Composer.Cli.Hosting;

/// <summary>Builds the command tree and runs one command line; the only entry point tests and Program use.</summary>
internal static class ComposerApp
{
    public static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand("Composer: define and run multi-container applications with the Docker engine");
        // `--version` prints what `version` prints (the parser's own option would print the assembly's version).
        foreach (var builtIn in root.Options.OfType<VersionOption>().ToList())
        {
            root.Options.Remove(builtIn);
        }

        root.Options.Add(RootVersion);
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
        root.Subcommands.Add(VolumesCommand.Create(context));
        root.Subcommands.Add(VizCommand.Create(context));
        root.Subcommands.Add(ExportCommand.Create(context));
        root.Subcommands.Add(CommitCommand.Create(context));
        root.Subcommands.Add(CompletionCommand.Create(context));
        root.Subcommands.Add(HelpCommand.Create(root, context));
        return root;
    }

    private const string CompleteVerb = "__complete";

    private static readonly Option<bool> RootVersion = new("--version", "-v") { Description = "Show the Composer version information" };

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken)
    {
        var root = BuildRoot(context);
        if (args is [CompleteVerb, .. var words])
        {
            // The completion scripts' callback: candidates one per line, nothing else.
            var candidates = await CompletionCandidates.ForAsync(root, words.Length == 0 ? [] : words[..^1], words.Length == 0 ? "" : words[^1], context, cancellationToken);
            context.Out.Write(string.Concat(candidates.Select(candidate => candidate + "\n")));
            return ExitCodes.Success;
        }

        var configuration = new InvocationConfiguration
        {
            Output = context.Out,
            Error = context.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = TimeSpan.FromSeconds(10),
        };
        var parseResult = root.Parse(PassThroughArguments.Separate(args, root));
        if (parseResult.Action is HelpAction)
        {
            return await parseResult.InvokeAsync(configuration, cancellationToken);
        }

        if (ParseErrors.Find(parseResult) is { } problem)
        {
            context.Error.WriteLine("error: " + problem.Message);
            if (problem.Hint is not null)
            {
                context.Error.WriteLine(problem.Hint);
            }

            return ExitCodes.Usage;
        }

        if (parseResult.CommandResult.Command is RootCommand)
        {
            // `composer --version` is `composer version`; `composer` alone prints the help, as docker compose does.
            return parseResult.GetValue(RootVersion)
                ? await RunAsync(["version"], context, cancellationToken)
                : await root.Parse(["--help"]).InvokeAsync(configuration, cancellationToken);
        }

        return await parseResult.InvokeAsync(configuration, cancellationToken);
    }
}
