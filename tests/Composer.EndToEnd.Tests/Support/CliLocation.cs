namespace Composer.EndToEnd.Tests.Support;

/// <summary>Finds the composer.dll built next to these tests, in the same configuration.</summary>
internal static class CliLocation
{
    public static string ComposerDll { get; } = Find();

    private static string Find()
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
