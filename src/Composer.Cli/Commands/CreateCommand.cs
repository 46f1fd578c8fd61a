using System.CommandLine;
using Composer.Cli.Hosting;
using Composer.Cli.Output;
using Composer.Orchestration.Services;

namespace Composer.Cli.Commands;

/// <summary><c>composer create</c>: an up that creates containers and networks but starts nothing.</summary>
internal static class CreateCommand
{
    private static readonly Option<bool> ForceRecreate = new("--force-recreate") { Description = "Recreate containers even if nothing changed" };
    private static readonly Option<bool> NoRecreate = new("--no-recreate") { Description = "Never recreate existing containers" };
    private static readonly Option<string[]> Scale = new("--scale") { Description = "SERVICE=N (repeatable)" };
    private static readonly Option<bool> Build = new("--build") { Description = "Build images before starting containers" };
    private static readonly Option<bool> NoBuild = new("--no-build") { Description = "Don't build an image, even if it's missing" };
    private static readonly Option<string> Pull = new("--pull") { Description = "Pull images before creating: always, missing, never, or policy (each service's pull_policy)", DefaultValueFactory = _ => "policy" };
    private static readonly Option<bool> RemoveOrphans = new("--remove-orphans") { Description = "Remove containers of services not in the compose file" };
    private static readonly Option<bool> Yes = new("--yes", "-y") { Description = "Assume \"yes\" as answer to all prompts and run non-interactively (recreate volumes whose definition changed)" };
    private static readonly Argument<string[]> Services = new("services") { Arity = ArgumentArity.ZeroOrMore };

    public static Command Create(CliContext context) => CommandRunner.Define(
        "create", "Create containers for a service", context, RunAsync,
        ForceRecreate, NoRecreate, Scale, Build, NoBuild, Pull, RemoveOrphans, Yes, PlanFormat.Option, Services);

    private static Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var parse = invocation.ParseResult;
        if (parse.GetValue(ForceRecreate) && parse.GetValue(NoRecreate))
        {
            throw new UsageException("--force-recreate and --no-recreate cannot be combined");
        }

        if (parse.GetValue(Build) && parse.GetValue(NoBuild))
        {
            throw new UsageException("--build and --no-build cannot be combined");
        }

        var pull = PullValue.Parse(parse.GetValue(Pull));
        var names = parse.GetValue(Services) ?? [];
        var scale = ScaleArguments.Parse(parse.GetValue(Scale) ?? []);
        IReadOnlySet<string> agreed = new HashSet<string>(StringComparer.Ordinal);
        UpOptions Options(Composer.Model.Project project, bool dryRun) => new()
        {
            NoStart = true,
            ForceRecreate = parse.GetValue(ForceRecreate),
            NoRecreate = parse.GetValue(NoRecreate),
            Scale = scale,
            Services = names,
            DryRun = dryRun,
            Build = parse.GetValue(Build),
            NoBuild = parse.GetValue(NoBuild),
            Pull = pull,
            RemoveOrphans = OrphanSwitches.Remove(parse, RemoveOrphans, invocation.Context),
            IgnoreOrphans = OrphanSwitches.Ignore(project, invocation.Context),
            AssumeYes = parse.GetValue(Yes),
            AllResources = parse.GetValue(GlobalOptions.AllResources),
            RecreateVolumes = agreed,
        };
        return VerbExecution.RunAsync(
            invocation,
            [.. names, .. scale.Keys],
            (orchestration, project, dryRun, token) => new UpService(orchestration).UpAsync(project, Options(project, dryRun), token),
            cancellationToken,
            async (session, project, dryRun, token) => agreed = (await VolumePrompt.AskAsync(invocation, session, project, Options(project, dryRun), token)).RecreateVolumes);
    }
}
