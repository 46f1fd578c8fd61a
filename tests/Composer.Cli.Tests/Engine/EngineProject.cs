namespace Composer.Cli.Tests.Engine;

/// <summary>
/// A project folder with a unique project name for tests that run commands against the real engine; disposing it
/// takes the project down (by name, so it works even when a test broke the files).
/// </summary>
internal sealed class EngineProject : IAsyncDisposable
{
    private readonly TempProject _folder;

    public EngineProject(string composeYaml)
    {
        Name = "clitest" + Guid.NewGuid().ToString("N")[..10];
        _folder = new TempProject(Name).With("compose.yaml", composeYaml);
    }

    public string Name { get; }

    public string Directory => _folder.Directory;

    public Task<CliResult> RunAsync(params string[] args) => CliRunner.RunAsync(Directory, ["-p", Name, "--progress", "plain", .. args]);

    /// <summary>A command with these variables as the process environment (COMPOSE_* switches and the like).</summary>
    public Task<CliResult> RunWithAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        CliRunner.RunAsync(Directory, environment, null, ["-p", Name, "--progress", "plain", .. args]);

    /// <summary>Writes (or replaces) a file of the project, such as a changed compose.yaml or a .env.</summary>
    public void Write(string relativePath, string content) => _folder.With(relativePath, content);

    public async ValueTask DisposeAsync()
    {
        await CliRunner.RunAsync(Path.GetTempPath(), ["-p", Name, "down", "-v", "-t", "0", "--remove-orphans"]);
        _folder.Dispose();
    }
}
