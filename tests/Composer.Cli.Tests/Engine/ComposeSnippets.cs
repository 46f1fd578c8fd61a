namespace Composer.Cli.Tests.Engine;

/// <summary>Compose text the image tests share.</summary>
internal static class ComposeSnippets
{
    /// <summary>An entry under <c>services:</c> that runs the image, sleeps, and stops at once (SIGKILL).</summary>
    public static string Sleeper(string name, string image) =>
        $"  {name}:\n    image: {image}\n    command: [\"sleep\", \"3600\"]\n    stop_signal: SIGKILL\n";
}
