using System.CommandLine;
using Composer.Cli.Hosting;
using Composer.Cli.Output;
using Composer.Cli.Terminal;
using Composer.Orchestration.Interactive;

namespace Composer.Cli.Commands;

/// <summary><c>composer run</c>: a one-off container of a service; its exit code is ours.</summary>
internal static class RunCommand
{
    private static readonly Option<bool> Remove = new("--rm") { Description = "Remove the container when it exits" };
    private static readonly Option<bool> Detach = new("--detach", "-d") { Description = "Run the container in the background and print its name" };
    private static readonly Option<bool> NoTty = new("--no-TTY", "--no-tty", "-T") { Description = "Disable pseudo-TTY allocation (the default when stdin is not a terminal)" };
    private static readonly Option<bool> Interactive = new("--interactive", "-i") { Description = "Keep stdin open (on by default)", DefaultValueFactory = _ => true };
    private static readonly Option<string[]> Env = new("--env", "-e") { Description = "Set an environment variable KEY=VAL (repeatable)" };
    private static readonly Option<string?> Entrypoint = new("--entrypoint") { Description = "Override the image's entrypoint" };
    private static readonly Option<string[]> Publish = new("--publish", "-p") { Description = "Publish a container port: [[HOST_IP:]HOST_PORT:]CONTAINER_PORT (repeatable)" };
    private static readonly Option<bool> ServicePorts = new("--service-ports") { Description = "Publish the service's own ports" };
    private static readonly Option<bool> NoDeps = new("--no-deps") { Description = "Don't start linked services" };
    private static readonly Option<string?> Name = new("--name") { Description = "Assign a name to the container" };
    private static readonly Option<string[]> Volume = new("--volume", "-v") { Description = "Bind mount a volume: [SOURCE:]TARGET[:ro] (repeatable)" };
    private static readonly Option<string?> User = new("--user", "-u") { Description = "Run as this user" };
    private static readonly Option<string?> Workdir = new("--workdir", "-w") { Description = "Working directory inside the container" };
    private static readonly Option<bool> Build = new("--build") { Description = "Build the image before starting the container" };
    private static readonly Option<string> Pull = new("--pull")
    {
        Description = "Pull the image before running: always, missing, never, or policy (the service's pull_policy)",
        DefaultValueFactory = _ => "policy",
    };
    private static readonly Option<string[]> CapAdd = new("--cap-add") { Description = "Add Linux capabilities (repeatable)" };
    private static readonly Option<string[]> CapDrop = new("--cap-drop") { Description = "Drop Linux capabilities (repeatable)" };
    private static readonly Option<string[]> Label = new("--label", "-l") { Description = "Add or override a label KEY=VALUE (repeatable)" };
    private static readonly Option<bool> PublishAll = new("--publish-all", "-P") { Description = "Publish all the service's ports (and exposed ones) to free host ports" };
    private static readonly Option<bool> UseAliases = new("--use-aliases") { Description = "Use the service's network aliases for the one-off container" };
    private static readonly Option<string[]> EnvFromFile = new("--env-from-file") { Description = "Set environment variables from a file (repeatable)" };
    private static readonly Option<bool> Quiet = new("--quiet", "-q") { Description = "Don't print pull or build progress" };
    private static readonly Option<bool> RemoveOrphans = new("--remove-orphans") { Description = "Remove containers of services not in the compose file" };
    private static readonly Argument<string> Service = new("service") { Description = "The service to run a one-off container of" };
    private static readonly Argument<string[]> CommandLine = new("command") { Description = "The command and its arguments (else the service's)", Arity = ArgumentArity.ZeroOrMore };

    public static Command Create(CliContext context) => CommandRunner.Define(
        "run", "Run a one-off command on a service", context, RunAsync,
        Remove, Detach, NoTty, Interactive, Env, Entrypoint, Publish, ServicePorts, NoDeps, Name, Volume, User, Workdir, Build, Pull,
        CapAdd, CapDrop, Label, PublishAll, UseAliases, EnvFromFile, Quiet, RemoveOrphans, PlanFormat.Option, Service, CommandLine);

    private static async Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var parse = invocation.ParseResult;
        var service = parse.GetValue(Service)!;
        var console = new ProcessConsole();
        var detach = parse.GetValue(Detach);
        if (detach && parse.GetValue(Remove))
        {
            throw new UsageException("--detach and --rm cannot be combined");
        }

        var pull = PullValue.Parse(parse.GetValue(Pull));

        PlanFormat.IsJson(invocation);
        await using var session = EngineSession.Connect(invocation, cancellationToken);
        var project = await invocation.LoadProjectAsync([service], cancellationToken);
        ServiceNames.EnsureKnown(project, [service]);
        var options = new RunOptions
        {
            Service = service,
            Command = parse.GetValue(CommandLine) is { Length: > 0 } command ? command : null,
            Entrypoint = parse.GetValue(Entrypoint) is { } entrypoint
                ? entrypoint.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : null,
            Name = parse.GetValue(Name),
            Environment = [
                .. EnvironmentArguments.FromFiles(parse.GetValue(EnvFromFile) ?? [], invocation.Context.WorkingDirectory, invocation.Context.Environment),
                .. EnvironmentArguments.Parse(parse.GetValue(Env) ?? [], invocation.Context.Environment)],
            Publish = [.. (parse.GetValue(Publish) ?? []).Select(PublishArgument.Parse)],
            ServicePorts = parse.GetValue(ServicePorts),
            Volumes = [.. (parse.GetValue(Volume) ?? []).Select(volume => VolumeArgument.Parse(volume, project.WorkingDirectory))],
            User = parse.GetValue(User),
            WorkingDir = parse.GetValue(Workdir),
            Tty = !detach && !parse.GetValue(NoTty) && console.InputIsTerminal,
            Interactive = parse.GetValue(Interactive),
            Detach = detach,
            Remove = parse.GetValue(Remove),
            NoDeps = parse.GetValue(NoDeps),
            Build = parse.GetValue(Build),
            Pull = pull,
            CapAdd = parse.GetValue(CapAdd) ?? [],
            CapDrop = parse.GetValue(CapDrop) ?? [],
            Labels = KeyValueArguments.Parse(parse.GetValue(Label) ?? [], "--label"),
            PublishAll = parse.GetValue(PublishAll),
            UseAliases = parse.GetValue(UseAliases),
            RemoveOrphans = OrphanSwitches.Remove(parse, RemoveOrphans, invocation.Context),
            IgnoreOrphans = OrphanSwitches.Ignore(project, invocation.Context),
            DryRun = parse.GetValue(GlobalOptions.DryRun),
        };

        await session.ReadyAsync();
        var orchestration = parse.GetValue(Quiet)
            ? session.Orchestration with { Progress = new Rendering.QuietImageProgress(session.Orchestration.Progress, quietPull: true, quietBuild: true) }
            : session.Orchestration;
        var result = await new RunService(orchestration).RunAsync(project, options, console, session.CloseProgressAsync, cancellationToken);
        if (result.Plan is { } plan)
        {
            await session.CloseProgressAsync();
            PlanFormat.Write(invocation, plan, project.Name);
            return ExitCodes.Success;
        }
        if (detach)
        {
            invocation.Output.WriteData(result.ContainerName);
        }

        return result.ExitCode;
    }
}
