using System.CommandLine;
using Composer.Cli.Hosting;
using Composer.Orchestration.Images;

namespace Composer.Cli.Commands;

/// <summary><c>composer push</c>: push the images of services that have both build and image.</summary>
internal static class PushCommand
{
    private static readonly Option<bool> IgnorePushFailures = new("--ignore-push-failures") { Description = "Push what it can and warn about the rest" };
    private static readonly Argument<string[]> Services = new("services") { Arity = ArgumentArity.ZeroOrMore };

    public static Command Create(CliContext context) => CommandRunner.Define(
        "push", "Push service images", context, RunAsync,
        IgnorePushFailures, Services);

    private static Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var parse = invocation.ParseResult;
        var services = parse.GetValue(Services) ?? [];
        return RegistryVerb.RunAsync(invocation, services, (orchestration, project, credentials) =>
            new PushService(orchestration).PushAsync(project, new PushOptions
            {
                Services = services,
                IgnorePushFailures = parse.GetValue(IgnorePushFailures),
                Credentials = credentials,
            }, cancellationToken), cancellationToken);
    }
}
