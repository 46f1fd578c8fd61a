using System.CommandLine;
using System.Reflection;
using Composer.Cli.Hosting;
using Composer.Cli.Output;

namespace Composer.Cli.Commands;

/// <summary><c>composer version</c>: the client's version (the same value goes into the com.docker.compose.version label).</summary>
internal static class VersionCommand
{
    private static readonly Option<bool> Short = new("--short") { Description = "Shows only the version number" };
    private static readonly Option<string> Format = new("--format", "-f") { Description = "pretty or json", DefaultValueFactory = _ => "pretty" };

    public static Command Create(CliContext context) => CommandRunner.Define(
        "version", "Show the Composer version information", context, RunAsync,
        Short, Format);

    private static Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var version = Composer.Model.ComposeLabels.ComposerVersion;
        var runtime = typeof(object).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? Environment.Version.ToString();
        var parse = invocation.ParseResult;
        var text = parse.GetValue(Short) ? version
            : (parse.GetValue(Format) ?? "pretty").Equals("json", StringComparison.OrdinalIgnoreCase)
                ? DataJson.Serialize(new Dictionary<string, string> { ["version"] = version, ["runtime"] = ".NET " + Environment.Version })
                : $"Composer version {version} (.NET {Environment.Version}, runtime {runtime.Split('+')[0]})";
        invocation.Output.WriteData(text);
        return Task.FromResult(ExitCodes.Success);
    }
}
