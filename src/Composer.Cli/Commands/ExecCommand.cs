using System.CommandLine;
using Composer.Cli.Hosting;
using Composer.Cli.Terminal;
using Composer.Orchestration.Interactive;

namespace Composer.Cli.Commands;

/// <summary><c>composer exec</c>: run a command in a service's running container; its exit code is ours.</summary>
internal static class ExecCommand
{
    private static readonly Option<bool> NoTty = new("--no-TTY", "--no-tty", "-T") { Description = "Disable pseudo-TTY allocation (the default when stdin is not a terminal)" };
    private static readonly Option<bool> Interactive = new("--interactive", "-i") { Description = "Keep stdin open (always on; accepted for compatibility)" };
    private static readonly Option<bool> Detach = new("--detach", "-d") { Description = "Run the command in the background" };
    private static readonly Option<string[]> Env = new("--env", "-e") { Description = "Set an environment variable KEY=VAL (repeatable)" };
    private static readonly Option<string?> User = new("--user", "-u") { Description = "Run the command as this user" };
    private static readonly Option<string?> Workdir = new("--workdir", "-w") { Description = "Path to the working directory for the command" };
    private static readonly Option<int> Index = new("--index") { Description = "Index of the container if the service has several replicas", DefaultValueFactory = _ => 1 };
    private static readonly Option<bool> Privileged = new("--privileged") { Description = "Give extended privileges to the command" };
    private static readonly Argument<string> Service = new("service") { Description = "The service whose container runs the command" };
    private static readonly Argument<string[]> CommandLine = new("command") { Description = "The command and its arguments", Arity = ArgumentArity.OneOrMore };

    public static Command Create(CliContext context) => CommandRunner.Define(
        "exec", "Execute a command in a running container", context, RunAsync,
        NoTty, Interactive, Detach, Env, User, Workdir, Index, Privileged, Service, CommandLine);

    private static async Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var parse = invocation.ParseResult;
        var service = parse.GetValue(Service)!;
        var index = InteractiveTarget.CheckedIndex(parse.GetValue(Index));
        var console = new ProcessConsole();
        var detach = parse.GetValue(Detach);
        var options = new ExecOptions
        {
            Service = service,
            Command = parse.GetValue(CommandLine) ?? [],
            Index = index,
            Tty = !detach && !parse.GetValue(NoTty) && console.InputIsTerminal,
            Detach = detach,
            Privileged = parse.GetValue(Privileged),
            User = parse.GetValue(User),
            WorkingDir = parse.GetValue(Workdir),
            Environment = EnvironmentArguments.Parse(parse.GetValue(Env) ?? [], invocation.Context.Environment),
        };

        var (project, engine) = await InteractiveTarget.OpenAsync(invocation, service, cancellationToken);
        using var _ = engine;
        if (parse.GetValue(GlobalOptions.DryRun))
        {
            invocation.Output.WriteData(await new ExecService(engine).PlanAsync(project.Name, options, cancellationToken));
            return ExitCodes.Success;
        }

        return await new ExecService(engine).ExecAsync(project.Name, options, console, cancellationToken);
    }
}
