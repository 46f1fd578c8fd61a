using System.CommandLine;
using Composer.Cli.Hosting;
using Composer.Orchestration.Inspection;

namespace Composer.Cli.Commands;

/// <summary><c>composer port SERVICE PRIVATE_PORT</c>: the host address a container port is published on.</summary>
internal static class PortCommand
{
    private static readonly Option<string> Protocol = new("--protocol") { Description = "tcp or udp", DefaultValueFactory = _ => "tcp" };
    private static readonly Option<int?> Index = new("--index") { Description = "Index of the container if the service has several replicas" };
    private static readonly Argument<string> Service = new("service");
    private static readonly Argument<int> PrivatePort = new("private_port");

    public static Command Create(CliContext context) => CommandRunner.Define(
        "port", "Print the public port for a port binding", context, RunAsync,
        Protocol, Index, Service, PrivatePort);

    private static async Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var parse = invocation.ParseResult;
        var protocol = (parse.GetValue(Protocol) ?? "tcp").ToLowerInvariant();
        if (protocol is not ("tcp" or "udp"))
        {
            throw new UsageException($"--protocol must be tcp or udp (got '{protocol}')");
        }

        var port = parse.GetValue(PrivatePort);
        if (port is <= 0 or > 65535)
        {
            throw new UsageException($"private port must be between 1 and 65535 (got {port})");
        }

        var index = ProjectEngine.CheckIndex(parse.GetValue(Index));
        var service = parse.GetValue(Service)!;
        var (project, engine) = await ProjectEngine.OpenAsync(invocation, [service], cancellationToken);
        using (engine)
        {
            invocation.Output.WriteData(await PortLookup.FindAsync(engine, project.Name, service, port, protocol, index, cancellationToken));
        }

        return ExitCodes.Success;
    }
}
