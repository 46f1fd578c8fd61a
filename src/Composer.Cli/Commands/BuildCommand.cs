using System.CommandLine;
using Composer.Cli.Building;
using Composer.Cli.Hosting;
using Composer.Cli.Rendering;
using Composer.Engine.Build;
using Composer.Orchestration;
using Composer.Orchestration.Progress;
using Composer.Orchestration.Services;

namespace Composer.Cli.Commands;

/// <summary><c>composer build</c>: build or rebuild the images of services that have a build section.</summary>
internal static class BuildCommand
{
    private static readonly Option<bool> NoCache = new("--no-cache") { Description = "Do not use cache when building the image" };
    private static readonly Option<bool> Pull = new("--pull") { Description = "Always attempt to pull a newer version of the image" };
    private static readonly Option<string[]> BuildArg = new("--build-arg") { Description = "KEY=VALUE build-time variable (repeatable)" };
    private static readonly Option<bool> Quiet = new("--quiet", "-q") { Description = "Don't print anything to STDOUT" };
    private static readonly Argument<string[]> Services = new("services") { Arity = ArgumentArity.ZeroOrMore };

    public static Command Create(CliContext context) => CommandRunner.Define(
        "build", "Build or rebuild services", context, RunAsync,
        NoCache, Pull, BuildArg, Quiet, Services);

    private static async Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var parse = invocation.ParseResult;
        var services = parse.GetValue(Services) ?? [];
        var overrides = new BuildOverrides
        {
            NoCache = parse.GetValue(NoCache),
            Pull = parse.GetValue(Pull),
            Args = BuildArguments.Parse(parse.GetValue(BuildArg) ?? [], invocation.Context.Environment),
        };
        await using var session = EngineSession.Connect(invocation, cancellationToken);
        var project = await invocation.LoadProjectAsync(services, cancellationToken);
        ServiceNames.EnsureKnown(project, services);
        if (parse.GetValue(GlobalOptions.DryRun))
        {
            // Nothing is built: one line per image that would be.
            var planned = (services.Length == 0 ? project.Services.Values : services.Select(name => project.Services[name]))
                .Where(service => service.Build is not null)
                .Select(service => (Service: service.Name, Image: Composer.Engine.Build.ImageNames.For(project, service)))
                .DistinctBy(step => step.Image, StringComparer.Ordinal);
            invocation.Output.WriteData(string.Concat(planned.Select(step => $"BuildImage {step.Image} for {step.Service}\n")));
            return ExitCodes.Success;
        }

        await session.Engine.PingAsync(cancellationToken);

        // Build output is line-oriented, so it is printed plainly rather than through the live progress view.
        var quiet = parse.GetValue(Quiet);
        IProgressSink progress = quiet ? new NullProgressSink() : new PlainProgress(invocation.Context.Error);
        var orchestration = new OrchestrationContext(session.Engine, progress)
        {
            ParallelLimit = GlobalOptions.ParallelLimit(parse, invocation.Context),
        };
        await new BuildService(orchestration).BuildAsync(project, new BuildOptions
        {
            Services = services,
            Overrides = overrides,
            Output = quiet ? null : new ConsoleBuildOutput(invocation.Context.Error),
        }, cancellationToken);
        return ExitCodes.Success;
    }
}
