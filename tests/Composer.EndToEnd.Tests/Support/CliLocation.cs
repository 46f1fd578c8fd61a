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

    /// <summary>A start info for it, ready for the composer arguments to be added.</summary>
    public static ProcessStartInfo StartInfo()
    {
        if (NativeBinary is not null)
        {
            return new ProcessStartInfo(NativeBinary);
        }

        var start = new ProcessStartInfo("dotnet");
        start.ArgumentList.Add(ComposerDll.Value);
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
