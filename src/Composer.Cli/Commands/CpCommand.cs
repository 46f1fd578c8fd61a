using System.CommandLine;
using Composer.Cli.Hosting;
using Composer.Orchestration.Inspection;

namespace Composer.Cli.Commands;

/// <summary>
/// <c>composer cp SERVICE:SRC DEST</c> and <c>composer cp SRC SERVICE:DEST</c>: files and folders between the host and
/// a service's container, with docker cp's path rules; "-" streams a tar on stdin or stdout.
/// </summary>
internal static class CpCommand
{
    private static readonly Option<int?> Index = new("--index") { Description = "Index of the container if the service has several replicas" };
    private static readonly Option<bool> All = new("--all") { Description = "Copy into all the containers of the service" };
    private static readonly Option<bool> Archive = new("--archive", "-a") { Description = "Archive mode (copy all uid/gid information)" };
    private static readonly Option<bool> FollowLink = new("--follow-link", "-L") { Description = "Always follow symbol link in SRC_PATH" };
    private static readonly Argument<string> Source = new("source");
    private static readonly Argument<string> Destination = new("destination");

    public static Command Create(CliContext context) => CommandRunner.Define(
        "cp", "Copy files/folders between a service container and the local filesystem", context, RunAsync,
        Index, All, Archive, FollowLink, Source, Destination);

    private static async Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var parse = invocation.ParseResult;
        var index = ProjectEngine.CheckIndex(parse.GetValue(Index));
        if (index is not null && parse.GetValue(All))
        {
            throw new UsageException("--index and --all cannot be used together");
        }

        CopyLocation source, destination;
        try
        {
            (source, destination) = CopyPaths.ParsePair(parse.GetValue(Source)!, parse.GetValue(Destination)!);
        }
        catch (InspectionException invalid)
        {
            throw new UsageException(invalid.Message);
        }

        // Host paths are relative to where composer runs, which tests set through the context.
        source = OnHost(source, invocation.Context.WorkingDirectory);
        destination = OnHost(destination, invocation.Context.WorkingDirectory);
        var (project, engine) = await ProjectEngine.OpenAsync(invocation, [(source.Service ?? destination.Service)!], cancellationToken);
        using (engine)
        {
            if (parse.GetValue(GlobalOptions.DryRun))
            {
                invocation.Output.WriteData($"Copy {Describe(source)} to {Describe(destination)}");
                return ExitCodes.Success;
            }

            var copier = new CopyService(engine)
            {
                StandardInput = Console.OpenStandardInput,
                StandardOutput = Console.OpenStandardOutput,
            };
            await copier.CopyAsync(project.Name, new CopyRequest(source, destination)
            {
                Index = index,
                All = parse.GetValue(All),
                Archive = parse.GetValue(Archive),
                FollowLink = parse.GetValue(FollowLink),
            }, cancellationToken);
        }

        return ExitCodes.Success;
    }

    private static string Describe(CopyLocation location) => location.InContainer ? $"{location.Service}:{location.Path}" : location.Path;

    private static CopyLocation OnHost(CopyLocation location, string workingDirectory)
    {
        if (location.InContainer || location.IsStream || Path.IsPathRooted(location.Path))
        {
            return location;
        }

        // Keep a trailing "/" or "/." : they carry meaning for docker cp's rules.
        var suffix = location.Path.EndsWith("/.", StringComparison.Ordinal) ? "/." : location.Path.EndsWith('/') ? "/" : "";
        var full = Path.GetFullPath(Path.Combine(workingDirectory, location.Path)).TrimEnd('/');
        return location with { Path = full + suffix };
    }
}
