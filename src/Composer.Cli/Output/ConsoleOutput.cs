using Composer.Cli.Hosting;
using Composer.Cli.Rendering;

namespace Composer.Cli.Output;

internal sealed class ConsoleOutput(CliContext context, OutputMode mode, bool useColor, bool statusToStdout = false) : IConsoleOutput
{
    private readonly object _gate = new();

    // COMPOSE_STATUS_STDOUT: progress, warnings and notes go to stdout; errors stay on stderr.
    private TextWriter Status => statusToStdout ? context.Out : context.Error;

    public OutputMode Mode { get; } = mode;

    public bool UseColor { get; } = useColor;

    public void WriteData(string text)
    {
        lock (_gate)
        {
            context.Out.Write(text);

            // An empty listing prints nothing at all, so that `ps -q | wc -l` counts zero.
            if (text.Length > 0 && !text.EndsWith('\n'))
            {
                context.Out.WriteLine();
            }

            context.Out.Flush();
        }
    }

    public void Warn(string message) => WriteMessage("warning", message, yellow: true);

    public void Error(string message) => WriteMessage("error", message, yellow: false);

    public void Info(string message)
    {
        if (Mode != OutputMode.Quiet)
        {
            WriteMessage("info", message, yellow: null);
        }
    }

    public IProgressRenderer StartProgress() => Mode switch
    {
        OutputMode.Tty => new TtyProgress(Status, UseColor),
        OutputMode.Json => new JsonProgress(Status),
        OutputMode.Quiet => new QuietProgress(Status),
        _ => new PlainProgress(Status),
    };

    private void WriteMessage(string level, string message, bool? yellow)
    {
        lock (_gate)
        {
            var writer = level == "error" ? context.Error : Status;
            if (Mode == OutputMode.Json)
            {
                writer.WriteLine(DataJson.SerializeEscaped(new Dictionary<string, string> { ["level"] = level, ["message"] = message }));
            }
            else if (level == "info")
            {
                writer.WriteLine(message);
            }
            else
            {
                var prefix = level + ": ";
                if (UseColor && yellow is not null)
                {
                    prefix = (yellow.Value ? "\u001b[33m" : "\u001b[31m") + prefix + "\u001b[0m";
                }

                writer.WriteLine(prefix + message);
            }

            writer.Flush();
        }
    }
}
