using Composer.Cli.Hosting;

namespace Composer.Swarm.Tests;

/// <summary>Runs composer in-process against the test swarm's manager, in a folder of the test's own.</summary>
internal sealed class StackFolder : IDisposable
{
    public StackFolder(string stack)
    {
        Stack = stack;
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "composer-swarm-tests", stack);
        if (System.IO.Directory.Exists(Path))
        {
            System.IO.Directory.Delete(Path, recursive: true);
        }

        System.IO.Directory.CreateDirectory(Path);
    }

    public string Stack { get; }
    public string Path { get; }

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal) { ["DOCKER_HOST"] = TestSwarm.Manager };

    public StackFolder Write(string file, string text)
    {
        var full = System.IO.Path.Combine(Path, file);
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text.ReplaceLineEndings("\n"));
        return this;
    }

    public async Task<ProcessResult> ComposerAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(output, error, new StringReader(""), Environment, Path, false, false);
        var exit = await ComposerApp.RunAsync(["--progress", "plain", .. args], context, CancellationToken.None);
        return new ProcessResult(exit, output.ToString(), error.ToString());
    }

    public async Task<string> OkAsync(params string[] args)
    {
        var result = await ComposerAsync(args);
        Assert.True(result.ExitCode == 0, $"composer {string.Join(' ', args)} exited {result.ExitCode}:\n{result.Error}");
        return result.Output;
    }

    /// <summary>Removes the stack (services, objects, networks), waits for its tasks to go, and cleans the nodes.</summary>
    public void Dispose()
    {
        ComposerAsync("stack", "rm", Stack).GetAwaiter().GetResult();
        Swarm.CleanNodesAsync(Stack).GetAwaiter().GetResult();
    }
}
