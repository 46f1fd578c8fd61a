namespace Composer.Cli.Tests;

/// <summary>A throw-away project folder with compose files written by the test.</summary>
internal sealed class TempProject : IDisposable
{
    public TempProject(string name = "proj")
    {
        Directory = Path.Combine(Path.GetTempPath(), "composer-cli-" + Guid.NewGuid().ToString("N")[..8], name);
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public TempProject With(string relativePath, string content)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return this;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Path.GetDirectoryName(Directory)!, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test over it.
        }
    }
}
