using System.CommandLine;
using Composer.Cli.Hosting;
using Composer.Orchestration.Inspection;

namespace Composer.Cli.Commands;

/// <summary><c>composer export SERVICE</c>: a service container's filesystem as a tar archive (-o FILE, else stdout).</summary>
internal static class ExportCommand
{
    private static readonly Option<int?> Index = new("--index") { Description = "Index of the container if the service has several replicas" };
    private static readonly Option<string?> Output = new("--output", "-o") { Description = "Write to a file, instead of STDOUT" };
    private static readonly Argument<string> Service = new("service") { Description = "The service whose container to export" };

    public static Command Create(CliContext context) => CommandRunner.Define(
        "export", "Export a service container's filesystem as a tar archive", context, RunAsync, Index, Output, Service);

    private static async Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var parse = invocation.ParseResult;
        var service = parse.GetValue(Service)!;
        var index = ProjectEngine.CheckIndex(parse.GetValue(Index));
        var output = parse.GetValue(Output);
        if (output is null && invocation.Context.OutputIsTerminal)
        {
            throw new UsageException("refusing to write a tar archive to a terminal: use -o FILE or redirect standard output");
        }

        var (project, engine) = await ProjectEngine.OpenAsync(invocation, [service], cancellationToken);
        using (engine)
        {
            var container = await ServiceContainers.OneAsync(engine, project.Name, service, index, cancellationToken);
            var path = output is null ? null : Path.GetFullPath(output, invocation.Context.WorkingDirectory);
            if (parse.GetValue(GlobalOptions.DryRun))
            {
                invocation.Output.WriteData($"Export {container.Name} to {path ?? "standard output"}");
                return ExitCodes.Success;
            }

            await using var archive = await engine.Tools.ExportAsync(container.Id, cancellationToken);
            if (path is null)
            {
                await using var stdout = Console.OpenStandardOutput();
                await archive.CopyToAsync(stdout, cancellationToken);
            }
            else
            {
                await using var file = File.Create(path);
                await archive.CopyToAsync(file, cancellationToken);
            }
        }

        return ExitCodes.Success;
    }
}
