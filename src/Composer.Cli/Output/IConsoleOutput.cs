using Composer.Cli.Rendering;

namespace Composer.Cli.Output;

/// <summary>
/// The only way commands write to the console. Data (config, ps, images, port) goes to stdout; progress, warnings
/// and errors go to stderr, so stdout stays machine-readable whatever the mode.
/// </summary>
internal interface IConsoleOutput
{
    OutputMode Mode { get; }

    void WriteData(string text);

    void Warn(string message);

    void Error(string message);

    void Info(string message);

    /// <summary>Opens the progress view of the chosen mode; dispose it before printing anything else.</summary>
    IProgressRenderer StartProgress();
}
