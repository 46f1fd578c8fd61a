using System.CommandLine;
using Composer.Cli.Hosting;
using Composer.Cli.Output;

namespace Composer.Cli.Commands;

/// <summary><c>composer viz</c>: the dependency graph of the compose file, as Graphviz DOT (default) or Mermaid.</summary>
internal static class VizCommand
{
    private static readonly Option<bool> Networks = new("--networks") { Description = "Include service's attached networks in output graph" };
    private static readonly Option<bool> Ports = new("--ports") { Description = "Include service's exposed ports in output graph" };
    private static readonly Option<bool> Image = new("--image") { Description = "Include service's image name in output graph" };
    private static readonly Option<int> IndentationSize = new("--indentation-size") { Description = "Number of tabs or spaces to use for indentation", DefaultValueFactory = _ => 1 };
    private static readonly Option<bool> Spaces = new("--spaces") { Description = "Indent with spaces instead of tabs" };
    private static readonly Option<string> Format = new("--format") { Description = "dot (Graphviz) or mermaid", DefaultValueFactory = _ => "dot" };

    public static Command Create(CliContext context) => CommandRunner.Define(
        "viz", "Generate a graph of the services and their dependencies (Graphviz DOT or Mermaid)", context, RunAsync,
        Networks, Ports, Image, IndentationSize, Spaces, Format);

    private static async Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var parse = invocation.ParseResult;
        var size = parse.GetValue(IndentationSize);
        if (size < 0)
        {
            throw new UsageException($"invalid indentation size: {size}");
        }

        var format = (parse.GetValue(Format) ?? "dot").ToLowerInvariant();
        if (format is not ("dot" or "mermaid"))
        {
            throw new UsageException($"--format must be dot or mermaid (got '{format}')");
        }

        var project = await invocation.LoadProjectAsync([], cancellationToken);
        var graph = new DependencyGraphText(parse.GetValue(Networks), parse.GetValue(Ports), parse.GetValue(Image), new string(parse.GetValue(Spaces) ? ' ' : '\t', size));
        invocation.Output.WriteData(format == "dot" ? graph.Dot(project) : graph.Mermaid(project));
        return ExitCodes.Success;
    }
}
