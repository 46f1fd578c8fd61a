using System.CommandLine;
using Composer.Cli.Hosting;
using Composer.Engine.Contracts;
using Composer.Orchestration.Inspection;

namespace Composer.Cli.Commands;

/// <summary><c>composer commit SERVICE [REPOSITORY[:TAG]]</c>: a new image from a service container's changes; prints its id.</summary>
internal static class CommitCommand
{
    private static readonly Option<string?> Author = new("--author", "-a") { Description = "Author (e.g., \"John Hannibal Smith <hannibal@a-team.com>\")" };
    private static readonly Option<string[]> Change = new("--change", "-c") { Description = "Apply Dockerfile instruction to the created image (repeatable)" };
    private static readonly Option<int?> Index = new("--index") { Description = "Index of the container if the service has several replicas" };
    private static readonly Option<string?> Message = new("--message", "-m") { Description = "Commit message" };
    private static readonly Option<bool> Pause = new("--pause", "-p") { Description = "Pause container during commit", DefaultValueFactory = _ => true, Arity = ArgumentArity.ZeroOrOne };
    private static readonly Argument<string> Service = new("service") { Description = "The service whose container to commit" };
    private static readonly Argument<string?> Reference = new("repository") { Description = "REPOSITORY[:TAG] of the new image", Arity = ArgumentArity.ZeroOrOne };

    public static Command Create(CliContext context) => CommandRunner.Define(
        "commit", "Create a new image from a service container's changes", context, RunAsync,
        Author, Change, Index, Message, Pause, Service, Reference);

    private static async Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var parse = invocation.ParseResult;
        var service = parse.GetValue(Service)!;
        var index = ProjectEngine.CheckIndex(parse.GetValue(Index));
        var (project, engine) = await ProjectEngine.OpenAsync(invocation, [service], cancellationToken);
        using (engine)
        {
            var container = await ServiceContainers.OneAsync(engine, project.Name, service, index, cancellationToken);
            var reference = parse.GetValue(Reference);
            if (parse.GetValue(GlobalOptions.DryRun))
            {
                invocation.Output.WriteData($"Commit {container.Name} as {reference ?? "an untagged image"}");
                return ExitCodes.Success;
            }

            var id = await engine.Tools.CommitAsync(container.Id, new CommitRequest
            {
                Reference = reference,
                Author = parse.GetValue(Author),
                Message = parse.GetValue(Message),
                Changes = parse.GetValue(Change) ?? [],
                Pause = parse.GetValue(Pause),
            }, cancellationToken);
            invocation.Output.WriteData(id);
        }

        return ExitCodes.Success;
    }
}
