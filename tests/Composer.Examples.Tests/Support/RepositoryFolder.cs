namespace Composer.Examples.Tests.Support;

/// <summary>The checkout these tests were built from, found by walking up to Composer.sln.</summary>
internal static class RepositoryFolder
{
    public static string Path { get; } = Find();

    public static string Example(string name) => System.IO.Path.Combine(Path, "examples", name);

    private static string Find()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(System.IO.Path.Combine(folder.FullName, "Composer.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException($"no Composer.sln above {AppContext.BaseDirectory}");
    }
}
