using Composer.Cli.Output;
using Composer.Orchestration.Progress;

namespace Composer.Cli.Rendering;

/// <summary>One JSON object per line on stderr, for tools that follow progress.</summary>
internal sealed class JsonProgress(TextWriter error) : IProgressRenderer
{
    private readonly object _gate = new();

    public void Report(ProgressEvent progress)
    {
        // One object per image step, as in plain mode: per-layer byte counts would flood a follower.
        if (progress.Kind != ResourceKind.Layer)
        {
            Write(Describe(progress));
        }
    }

    private static Dictionary<string, object> Describe(ProgressEvent progress)
    {
        var described = new Dictionary<string, object>
        {
            ["kind"] = progress.Kind == ResourceKind.BuildStep ? "build_step" : progress.Kind.ToString().ToLowerInvariant(),
            ["name"] = progress.Name,
            ["status"] = progress.Status,
            ["state"] = progress.State.ToString().ToLowerInvariant(),
            ["elapsed_ms"] = (long)progress.Elapsed.TotalMilliseconds,
        };
        if (progress.Parent is { } parent)
        {
            described["service"] = parent;
        }

        // Why the plan has this step: "environment.API_URL changed", "scale 1 -> 2", "orphan (--remove-orphans)".
        if (progress.Cause is { } cause)
        {
            described["cause"] = cause;
        }

        return described;
    }

    public void Warn(string message) => Write(new Dictionary<string, object> { ["level"] = "warning", ["message"] = message });

    public void HookOutput(string source, string line) =>
        Write(new Dictionary<string, object> { ["level"] = "info", ["source"] = source, ["hook_output"] = line });

    private void Write(Dictionary<string, object> line)
    {
        var text = DataJson.SerializeEscaped(line);
        lock (_gate)
        {
            error.WriteLine(text);
            error.Flush();
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
