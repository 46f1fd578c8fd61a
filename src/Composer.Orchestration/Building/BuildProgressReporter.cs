using System.Globalization;
using Composer.Engine.Contracts;
using Composer.Orchestration.Progress;

namespace Composer.Orchestration.Building;

/// <summary>
/// Turns one service's build into what the renderers show: the service's line carries the step under way
/// (<c>[2/5] RUN npm ci</c>, or the last settled one marked CACHED), each step is a progress event of its own (json),
/// and the line sink gets docker's plain layout: <c>#5 [2/5] RUN npm ci</c>, the step's log lines, <c>#5 DONE 3.2s</c>.
/// </summary>
internal sealed class BuildProgressReporter(IProgressSink progress, IBuildOutputSink? lines, string serviceName, TimeProvider time) : IBuildObserver
{
    private readonly Dictionary<int, BuildStep> running = [];
    private readonly HashSet<int> named = [];

    public void Line(string line) => lines?.Line(serviceName, line);

    public void Step(BuildStep step)
    {
        var elapsed = step.Duration ?? (step.Started is { } started ? Clamp(time.GetUtcNow() - started) : TimeSpan.Zero);
        progress.Report(new ProgressEvent(ResourceKind.BuildStep, step.Name, StatusOf(step), StateOf(step), elapsed) { Parent = serviceName });
        if (named.Add(step.Number))
        {
            lines?.Line(serviceName, $"#{step.Number} {step.Name}");
        }

        switch (step.State)
        {
            case BuildStepState.Running:
                running[step.Number] = step;
                break;
            case BuildStepState.Cached:
                running.Remove(step.Number);
                lines?.Line(serviceName, $"#{step.Number} CACHED");
                break;
            case BuildStepState.Done:
                running.Remove(step.Number);
                lines?.Line(serviceName, $"#{step.Number} DONE {Seconds(elapsed)}");
                break;
            case BuildStepState.Failed:
                running.Remove(step.Number);
                lines?.Line(serviceName, $"#{step.Number} ERROR: {step.Error}");
                break;
        }

        // The service's line follows the latest Dockerfile step still running, else the one that just settled.
        var shown = running.Values.Where(candidate => !candidate.IsInternal).OrderByDescending(candidate => candidate.Started).FirstOrDefault() ?? step;
        if (shown.IsInternal)
        {
            return;
        }

        var label = shown.State == BuildStepState.Cached ? $"{StepLabel(shown)} CACHED" : StepLabel(shown);
        var shownElapsed = shown.State == BuildStepState.Running && shown.Started is { } since ? Clamp(time.GetUtcNow() - since) : TimeSpan.Zero;
        progress.Report(new ProgressEvent(ResourceKind.Service, serviceName, label, ProgressState.Working, shownElapsed));
    }

    public void Log(BuildStep step, string line) => lines?.Line(serviceName, $"#{step.Number} {line}");

    private static string StepLabel(BuildStep step) => step.Name.Length > 60 ? step.Name[..57] + "..." : step.Name;

    private static string StatusOf(BuildStep step) => step.State switch
    {
        BuildStepState.Cached => "CACHED",
        BuildStepState.Done => "DONE",
        BuildStepState.Failed => "ERROR",
        _ => "RUNNING",
    };

    private static ProgressState StateOf(BuildStep step) => step.State switch
    {
        BuildStepState.Running => ProgressState.Working,
        BuildStepState.Failed => ProgressState.Error,
        _ => ProgressState.Done,
    };

    private static TimeSpan Clamp(TimeSpan span) => span < TimeSpan.Zero ? TimeSpan.Zero : span;

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s";
}
