using Composer.Cli.Hosting;
using Composer.Cli.Rendering;

namespace Composer.Cli.Output;

internal sealed class ConsoleOutput(CliContext context, OutputMode mode, bool useColor) : IConsoleOutput
{
    private readonly object _gate = new();

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
        OutputMode.Tty => new TtyProgress(context.Error, UseColor),
        OutputMode.Json => new JsonProgress(context.Error),
        OutputMode.Quiet => new QuietProgress(context.Error),
        _ => new PlainProgress(context.Error),
    };

    private void WriteMessage(string level, string message, bool? yellow)
    {
        lock (_gate)
        {
            if (Mode == OutputMode.Json)
            {
                context.Error.WriteLine(DataJson.SerializeEscaped(new Dictionary<string, string> { ["level"] = level, ["message"] = message }));
            }
            else if (level == "info")
            {
                context.Error.WriteLine(message);
            }
            else
            {
                var prefix = level + ": ";
                if (UseColor && yellow is not null)
                {
                    prefix = (yellow.Value ? "\u001b[33m" : "\u001b[31m") + prefix + "\u001b[0m";
                }

                context.Error.WriteLine(prefix + message);
            }

            context.Error.Flush();
        }
    }
}
