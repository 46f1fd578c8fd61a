using System.CommandLine;
using Composer.Cli.Hosting;
using Composer.Cli.Output;
using Composer.Orchestration.Images;

using Composer.Orchestration.Progress;

namespace Composer.Cli.Commands;

/// <summary><c>composer push</c>: push the images of services that have both build and image.</summary>
internal static class PushCommand
{
    private static readonly Option<bool> IgnorePushFailures = new("--ignore-push-failures") { Description = "Push what it can and warn about the rest" };
    private static readonly Option<bool> IncludeDeps = new("--include-deps") { Description = "Also push the images of the services' dependencies" };
    private static readonly Option<bool> Quiet = new("--quiet", "-q") { Description = "Push without printing progress" };
    private static readonly Argument<string[]> Services = new("services") { Arity = ArgumentArity.ZeroOrMore };

    public static Command Create(CliContext context) => CommandRunner.Define(
        "push", "Push service images", context, RunAsync,
        IgnorePushFailures, IncludeDeps, Quiet, PlanFormat.Option, Services);

    private static Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var parse = invocation.ParseResult;
        var services = parse.GetValue(Services) ?? [];
        return RegistryVerb.RunAsync(invocation, services, "PushImage", (orchestration, project, credentials, dryRun) =>
            new PushService(parse.GetValue(Quiet) ? orchestration with { Progress = NullProgressSink.Instance } : orchestration).PushAsync(project, new PushOptions
            {
                Services = services,
                IgnorePushFailures = parse.GetValue(IgnorePushFailures),
                Credentials = credentials,
                IncludeDeps = parse.GetValue(IncludeDeps),
                DryRun = dryRun,
            }, cancellationToken), cancellationToken);
    }
}
