using System.CommandLine;
using System.Text;
using Composer.Cli.Hosting;
using Composer.Cli.Output;
using Composer.Orchestration.Inspection;

namespace Composer.Cli.Commands;

/// <summary><c>composer top</c>: each running container's name, then its process table.</summary>
internal static class TopCommand
{
    private static readonly Argument<string[]> Services = new("services") { Arity = ArgumentArity.ZeroOrMore };

    public static Command Create(CliContext context) => CommandRunner.Define(
        "top", "Display the running processes", context, RunAsync, Services);

    private static async Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var services = invocation.ParseResult.GetValue(Services) ?? [];
        var (project, engine) = await ProjectEngine.OpenAsync(invocation, services, cancellationToken);
        using (engine)
        {
            var tables = await new TopService(engine).ListAsync(project.Name, services, cancellationToken);
            var text = new StringBuilder();
            foreach (var (container, processes) in tables)
            {
                text.Append(text.Length > 0 ? "\n" : "").Append(container.Name).Append('\n');
                text.Append(TextTable.Render(processes.Titles, processes.Processes.Select(row => Fit(row, processes.Titles.Count))));
            }

            invocation.Output.WriteData(text.ToString());
        }

        return ExitCodes.Success;
    }

    // The engine splits ps output on whitespace; a row never has fewer cells than titles, but guard the table anyway.
    private static IReadOnlyList<string> Fit(IReadOnlyList<string> row, int columns) =>
        row.Count == columns ? row : [.. row.Concat(Enumerable.Repeat("", Math.Max(0, columns - row.Count))).Take(columns)];
}
