using System.Diagnostics;

namespace Composer.EndToEnd.Tests.Support;

/// <summary>
/// The composer these tests run: the native binary named by COMPOSER_BIN (scripts/test.sh points it at the native
/// AOT publish, the build users get), else the composer.dll built next to these tests, in the same configuration.
/// </summary>
internal static class CliLocation
{
    private const string BinaryVariable = "COMPOSER_BIN";

    private static readonly string? NativeBinary = Environment.GetEnvironmentVariable(BinaryVariable) is { Length: > 0 } path ? path : null;

    private static readonly Lazy<string> ComposerDll = new(FindDll);

    /// <summary>How a shell (tmux) starts it.</summary>
    public static string ShellCommand => NativeBinary ?? $"dotnet {ComposerDll.Value}";

    /// <summary>
    /// How a test starts it: in <paramref name="workingDirectory"/> with <paramref name="arguments"/>, every stream
    /// redirected, colours off.
    /// </summary>
    public static ProcessStartInfo StartInfo(string workingDirectory, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(NativeBinary ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (NativeBinary is null)
        {
            start.ArgumentList.Add(ComposerDll.Value);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_COLOR"] = "1";
        return start;
    }

    private static string FindDll()
    {
        var testsOutput = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var framework = Path.GetFileName(testsOutput);
        var configuration = Path.GetFileName(Path.GetDirectoryName(testsOutput)!);
        var folder = new DirectoryInfo(testsOutput);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Composer.sln")))
        {
            folder = folder.Parent;
        }

        if (folder is null)
        {
            throw new InvalidOperationException($"no Composer.sln above {testsOutput}");
        }

        var dll = Path.Combine(folder.FullName, "src", "Composer.Cli", "bin", configuration, framework, "composer.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"composer.dll is not built at {dll}");
    }
}
