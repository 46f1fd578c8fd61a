using System.CommandLine;
using Composer.Cli.Hosting;
using Composer.Engine.Registry;
using Composer.Orchestration.Images;
using Composer.Orchestration.Progress;

namespace Composer.Cli.Commands;

/// <summary><c>composer pull</c>: pull the services' images.</summary>
internal static class PullCommand
{
    private static readonly Option<bool> IgnoreBuildable = new("--ignore-buildable") { Description = "Skip services that have a build section" };
    private static readonly Option<bool> IgnorePullFailures = new("--ignore-pull-failures") { Description = "Pull what it can and warn about the rest" };
    private static readonly Option<bool> Quiet = new("--quiet", "-q") { Description = "Pull without printing progress" };
    private static readonly Argument<string[]> Services = new("services") { Arity = ArgumentArity.ZeroOrMore };

    public static Command Create(CliContext context) => CommandRunner.Define(
        "pull", "Pull service images", context, RunAsync,
        IgnoreBuildable, IgnorePullFailures, Quiet, Services);

    private static async Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var parse = invocation.ParseResult;
        var services = parse.GetValue(Services) ?? [];
        await using var session = EngineSession.Connect(invocation, cancellationToken);
        var project = await invocation.LoadProjectAsync(services, cancellationToken);
        ServiceNames.EnsureKnown(project, services);
        await session.ReadyAsync();
        var orchestration = parse.GetValue(Quiet) ? session.Orchestration with { Progress = NullProgressSink.Instance } : session.Orchestration;
        await new PullService(orchestration).PullAsync(project, new PullOptions
        {
            Services = services,
            IgnoreBuildable = parse.GetValue(IgnoreBuildable),
            IgnorePullFailures = parse.GetValue(IgnorePullFailures),
            Credentials = RegistryCredentialStore.FromEnvironment(invocation.Context.Environment),
        }, cancellationToken);
        await session.CloseProgressAsync();
        return ExitCodes.Success;
    }
}
