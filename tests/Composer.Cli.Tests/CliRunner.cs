using Composer.Cli.Hosting;

namespace Composer.Cli.Tests;

/// <summary>Runs a whole command line in-process with captured streams, as a user would run the executable.</summary>
internal static class CliRunner
{
    public static async Task<CliResult> RunAsync(string workingDirectory, params string[] args) =>
        await RunAsync(workingDirectory, new Dictionary<string, string>(), null, args);

    public static async Task<CliResult> RunAsync(
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment,
        string? standardInput,
        params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(output, error, new StringReader(standardInput ?? string.Empty), environment, workingDirectory, false, false);
        var exitCode = await ComposerApp.RunAsync(args, context, CancellationToken.None);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
