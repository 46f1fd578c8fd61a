using System.Text;
using System.Text.RegularExpressions;
using Composer.Engine.Contracts;
using Docker.DotNet.Models;

namespace Composer.Engine.DockerApi;

/// <summary>Splits build messages into lines for the caller and remembers the step under way and the first error.</summary>
internal sealed partial class BuildOutputTracker(IBuildObserver? output)
{
    private readonly StringBuilder pending = new();
    private readonly Queue<string> stepTail = new();

    /// <summary>The last lines the step under way printed, shown under a failure.</summary>
    public IReadOnlyList<string> StepTail => [.. stepTail];

    /// <summary>"Step 2/3 : RUN false", the last step the engine started.</summary>
    public string? LastStep { get; private set; }

    public string? Error { get; private set; }

    public void Add(JSONMessage message)
    {
        var error = message.Error?.Message;
        if (!string.IsNullOrEmpty(error))
        {
            Error ??= error.Trim();
            Flush();
            return;
        }

        var text = message.Stream ?? message.Status;
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        // The engine cuts its stream anywhere: a line may come in pieces, and one message may hold several lines.
        pending.Append(text);
        var buffered = pending.ToString();
        var lastNewline = buffered.LastIndexOf('\n');
        if (message.Stream is null)
        {
            lastNewline = buffered.Length;
            buffered += "\n";
        }

        if (lastNewline < 0)
        {
            return;
        }

        pending.Clear().Append(buffered[(lastNewline + 1)..]);
        foreach (var line in buffered[..lastNewline].Split('\n'))
        {
            Emit(line.TrimEnd('\r'));
        }
    }

    private void Flush()
    {
        if (pending.Length > 0)
        {
            Emit(pending.ToString());
            pending.Clear();
        }
    }

    private void Emit(string line)
    {
        // The classic builder colours a step's stderr red with escape codes; lines go to logs and messages as text.
        line = ColourCode().Replace(line, "");
        if (line.StartsWith("Step ", StringComparison.Ordinal))
        {
            LastStep = line.Trim();
            stepTail.Clear();
        }
        else if (line.Length > 0 && !line.StartsWith(" ---> ", StringComparison.Ordinal) && !line.StartsWith("Removing intermediate container", StringComparison.Ordinal))
        {
            stepTail.Enqueue(line);
            if (stepTail.Count > BuildKit.TraceState.TailLines)
            {
                stepTail.Dequeue();
            }
        }

        if (line.Length > 0)
        {
            output?.Line(line);
        }
    }

    [GeneratedRegex(@"\x1b\[[0-9;]*m")]
    private static partial Regex ColourCode();
}
