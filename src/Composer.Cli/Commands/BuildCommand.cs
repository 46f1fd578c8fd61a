using System.CommandLine;
using Composer.Cli.Building;
using Composer.Cli.Hosting;
using Composer.Cli.Output;
using Composer.Engine.Build;
using Composer.Engine.Registry;
using Composer.Orchestration;
using Composer.Orchestration.Images;
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
    private static readonly Option<bool> Push = new("--push") { Description = "Push the service images after building them" };
    private static readonly Option<bool> WithDependencies = new("--with-dependencies") { Description = "Also build the dependencies (depends_on) of the selected services" };
    private static readonly Option<bool> Print = new("--print") { Description = "Print the build definitions as JSON and do not build" };
    private static readonly Argument<string[]> Services = new("services") { Arity = ArgumentArity.ZeroOrMore };

    public static Command Create(CliContext context) => CommandRunner.Define(
        "build", "Build or rebuild services", context, RunAsync,
        NoCache, Pull, BuildArg, Quiet, Push, WithDependencies, Print, PlanFormat.Option, Services);

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
        if (parse.GetValue(Print))
        {
            var loaded = await invocation.LoadProjectAsync(services, cancellationToken);
            ServiceNames.EnsureKnown(loaded, services);
            var selected = services.Length == 0 ? loaded.Services.Values : services.Select(name => loaded.Services[name]);
            invocation.Output.WriteData(BuildDefinitions.Json(loaded, selected, overrides));
            return ExitCodes.Success;
        }

        PlanFormat.IsJson(invocation);
        await using var session = EngineSession.Connect(invocation, cancellationToken);
        var project = await invocation.LoadProjectAsync(services, cancellationToken);
        ServiceNames.EnsureKnown(project, services);
        if (parse.GetValue(GlobalOptions.DryRun))
        {
            // Nothing is built: one line per image that would be.
            var planned = (services.Length == 0 ? project.Services.Values : services.Select(name => project.Services[name]))
                .Where(service => service.Build is not null)
                .Select(service => (Service: service.Name, Image: Composer.Engine.Build.ImageNames.For(project, service)))
                .DistinctBy(step => step.Image, StringComparer.Ordinal)
                .ToList();
            PlanFormat.Write(invocation, ImagePlan.Of(planned, Composer.Planning.Plans.OperationKind.BuildImage), project.Name,
                string.Concat(planned.Select(step => $"BuildImage {step.Image} for {step.Service}\n")));
            return ExitCodes.Success;
        }

        var quiet = parse.GetValue(Quiet);
        OrchestrationContext orchestration;
        if (quiet)
        {
            await session.Engine.PingAsync(cancellationToken);
            orchestration = new OrchestrationContext(session.Engine, NullProgressSink.Instance)
            {
                ParallelLimit = GlobalOptions.ParallelLimit(parse, invocation.Context),
            };
        }
        else
        {
            await session.ReadyAsync();
            orchestration = session.Orchestration;
        }

        await new BuildService(orchestration).BuildAsync(project, new BuildOptions
        {
            Services = services,
            Overrides = overrides,
            WithDependencies = parse.GetValue(WithDependencies),
        }, cancellationToken);
        if (parse.GetValue(Push))
        {
            await new PushService(orchestration).PushAsync(project, new PushOptions
            {
                Services = services,
                Credentials = RegistryCredentialStore.FromEnvironment(invocation.Context.Environment),
            }, cancellationToken);
        }

        await session.CloseProgressAsync();
        return ExitCodes.Success;
    }
}
