using System.CommandLine;
using Composer.Cli.Hosting;
using Composer.Cli.Output;
using Composer.Orchestration.Images;
using Composer.Orchestration.Progress;

namespace Composer.Cli.Commands;

/// <summary><c>composer pull</c>: pull the services' images.</summary>
internal static class PullCommand
{
    private static readonly Option<bool> IgnoreBuildable = new("--ignore-buildable") { Description = "Skip services that have a build section" };
    private static readonly Option<bool> IgnorePullFailures = new("--ignore-pull-failures") { Description = "Pull what it can and warn about the rest" };
    private static readonly Option<bool> Quiet = new("--quiet", "-q") { Description = "Pull without printing progress" };
    private static readonly Option<bool> IncludeDeps = new("--include-deps") { Description = "Also pull the services' dependencies" };
    private static readonly Option<string?> Policy = new("--policy") { Description = "Apply pull policy: missing or always" };
    private static readonly Argument<string[]> Services = new("services") { Arity = ArgumentArity.ZeroOrMore };

    public static Command Create(CliContext context) => CommandRunner.Define(
        "pull", "Pull service images", context, RunAsync,
        IgnoreBuildable, IgnorePullFailures, Quiet, IncludeDeps, Policy, PlanFormat.Option, Services);

    private static Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var parse = invocation.ParseResult;
        var services = parse.GetValue(Services) ?? [];
        var policy = parse.GetValue(Policy)?.ToLowerInvariant();
        if (policy is not (null or "missing" or "always"))
        {
            throw new UsageException($"--policy must be missing or always (got '{parse.GetValue(Policy)}')");
        }

        return RegistryVerb.RunAsync(invocation, services, "PullImage", (orchestration, project, credentials, dryRun) =>
            new PullService(parse.GetValue(Quiet) ? orchestration with { Progress = NullProgressSink.Instance } : orchestration).PullAsync(project, new PullOptions
            {
                Services = services,
                IgnoreBuildable = parse.GetValue(IgnoreBuildable),
                IgnorePullFailures = parse.GetValue(IgnorePullFailures),
                Credentials = credentials,
                IncludeDeps = parse.GetValue(IncludeDeps),
                Policy = policy,
                DryRun = dryRun,
            }, cancellationToken), cancellationToken);
    }
}
