using Composer.Cli.Hosting;

namespace Composer.Cli;

internal static class Program
{
    public static Task<int> Main(string[] args) => ComposerApp.RunAsync(args, CliContext.FromProcess(), CancellationToken.None);
}
