using System.Diagnostics;

namespace Composer.Cli.Tests.Engine;

/// <summary>What the engine says about a container or image, through the docker CLI (independent of Composer's own code).</summary>
internal static class EngineInspect
{
    public static Task<string> FormatAsync(string target, string format) => FormatAsync(null, target, format);

    /// <summary><c>docker &lt;kind&gt; inspect -f</c> (network, volume, ...) for names several kinds share; empty when it does not exist.</summary>
    public static async Task<string> FormatAsync(string? kind, string target, string format)
    {
        string[] command = kind is null ? ["inspect"] : [kind, "inspect"];
        var start = new ProcessStartInfo("docker", [.. command, "-f", format, target])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.Trim();
    }

    /// <summary>Any docker command: its exit code and standard output (and error, after it).</summary>
    public static async Task<(int ExitCode, string Output)> DockerAsync(params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo("docker", args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    /// <summary>The names of the containers and networks labelled with the project (none once nothing was created).</summary>
    public static async Task<string> ProjectObjectsAsync(string project)
    {
        var filter = $"label=com.docker.compose.project={project}";
        var containers = await DockerAsync("ps", "-a", "--filter", filter, "--format", "{{.Names}}");
        var networks = await DockerAsync("network", "ls", "--filter", filter, "--format", "{{.Name}}");
        return (containers.Output + networks.Output).Trim();
    }

    public static async Task RemoveImageAsync(string image)
    {
        using var process = Process.Start(new ProcessStartInfo("docker", ["image", "rm", "-f", image]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
        await process.WaitForExitAsync();
    }
}
