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

    public static async Task RemoveImageAsync(string image)
    {
        using var process = Process.Start(new ProcessStartInfo("docker", ["image", "rm", "-f", image]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
        await process.WaitForExitAsync();
    }
}
