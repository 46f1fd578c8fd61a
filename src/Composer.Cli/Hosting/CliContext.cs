namespace Composer.Cli.Hosting;

/// <summary>
/// Everything the CLI takes from its process: streams, environment and working folder. Tests build one in memory,
/// so a whole command runs in-process without touching the real console.
/// </summary>
internal sealed record CliContext(
    TextWriter Out,
    TextWriter Error,
    TextReader In,
    IReadOnlyDictionary<string, string> Environment,
    string WorkingDirectory,
    bool OutputIsTerminal,
    bool ErrorIsTerminal)
{
    /// <summary>Standard input is a terminal: a person can answer a question (up's changed-volume prompt).</summary>
    public bool InputIsTerminal { get; init; }

    public static CliContext FromProcess()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            environment[(string)entry.Key] = (string?)entry.Value ?? string.Empty;
        }

        return new CliContext(
            Console.Out,
            Console.Error,
            Console.In,
            environment,
            Directory.GetCurrentDirectory(),
            !Console.IsOutputRedirected,
            !Console.IsErrorRedirected)
        {
            InputIsTerminal = !Console.IsInputRedirected,
        };
    }
}
