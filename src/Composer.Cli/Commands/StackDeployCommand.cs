using System.CommandLine;
using Composer.Cli.Hosting;
using Composer.Engine.Registry;
using Composer.Orchestration.Stack;
using Composer.Planning.Stack;

namespace Composer.Cli.Commands;

/// <summary><c>composer stack deploy [STACK]</c>: the compose project as a stack of swarm services.</summary>
internal static class StackDeployCommand
{
    private static readonly Argument<string?> Stack = new("STACK") { Arity = ArgumentArity.ZeroOrOne, Description = "Stack name (default: the project name)" };
    private static readonly Option<string[]> ComposeFile = new("--compose-file", "-c") { Description = "Compose files, as -f (docker stack's spelling)" };
    private static readonly Option<bool> Prune = new("--prune") { Description = "Remove services of the stack that the file no longer has" };
    private static readonly Option<bool> Detach = new("--detach", "-d") { Description = "Return once the swarm accepted the services" };
    private static readonly Option<bool> Wait = new("--wait") { Description = "Wait until every service runs (the default)" };
    private static readonly Option<int?> WaitTimeout = new("--wait-timeout") { Description = "Seconds to wait for the stack to converge" };
    private static readonly Option<string> ResolveImage = new("--resolve-image") { Description = "Pin images to the digest their registry gives: always (the default), changed (new services and changed images only) or never", DefaultValueFactory = _ => "always" };
    private static readonly Option<bool> WithRegistryAuth = new("--with-registry-auth") { Description = "Send registry credentials to the nodes" };
    private static readonly Option<bool> Build = new("--build") { Description = "Build the images of services with a build section first (on the manager)" };
    private static readonly Option<bool> Push = new("--push") { Description = "Push the images of services with build and image to their registries first, so every node can pull them" };

    public static Command Create(CliContext context) => CommandRunner.Define(
        "deploy", "Deploy a new stack or update an existing one", context, RunAsync,
        Stack, ComposeFile, Prune, Detach, Wait, WaitTimeout, ResolveImage, WithRegistryAuth, Build, Push);

    private static async Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var parse = invocation.ParseResult;
        if (parse.GetValue(Detach) && parse.GetValue(Wait))
        {
            throw new UsageException("--detach and --wait cannot be used together");
        }

        var resolveImage = parse.GetValue(ResolveImage) switch
        {
            "always" => ResolveImageMode.Always,
            "changed" => ResolveImageMode.Changed,
            "never" => ResolveImageMode.Never,
            var other => throw new UsageException($"invalid argument \"{other}\" for \"--resolve-image\" flag: must be always, changed or never"),
        };

        var stack = parse.GetValue(Stack) is { Length: > 0 } named ? StackNames.Check(named) : null;
        var options = invocation.LoadOptions();
        options = options with
        {
            ConfigFiles = [.. options.ConfigFiles, .. parse.GetValue(ComposeFile) ?? []],
            ProjectName = stack ?? options.ProjectName,
        };
        var result = await Loader.ProjectLoader.LoadAsync(options, cancellationToken);
        foreach (var warning in result.Warnings)
        {
            invocation.Output.Warn(warning.ToString());
        }

        var project = result.Project;
        StackNames.Check(project.Name);
        var store = RegistryCredentialStore.FromEnvironment(invocation.Context.Environment);
        var credentials = parse.GetValue(WithRegistryAuth) ? store : null;
        var request = new StackDeployRequest
        {
            Prune = parse.GetValue(Prune),
            Wait = !parse.GetValue(Detach),
            WaitTimeout = Durations.Seconds(parse.GetValue(WaitTimeout)),
            DryRun = parse.GetValue(GlobalOptions.DryRun),
            RegistryAuth = credentials is null ? null : credentials.For,
            ResolveImage = resolveImage,
            Build = parse.GetValue(Build),
            Push = parse.GetValue(Push),
            PushCredentials = store,
        };
        await using var session = await EngineSession.OpenAsync(invocation, cancellationToken);
        var plan = await new StackDeployService(session.Orchestration).DeployAsync(project, request, cancellationToken);
        await session.CloseProgressAsync();
        if (request.DryRun)
        {
            var images = StackDeployService.ImageSteps(project, request);
            invocation.Output.WriteData(string.Concat(images.Select(step => step + "\n")) + (plan.IsEmpty && plan.Warnings.Count == 0 ? "" : plan + "\n"));
        }

        return ExitCodes.Success;
    }
}
