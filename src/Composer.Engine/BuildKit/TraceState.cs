using System.Text;
using Composer.Engine.Contracts;

namespace Composer.Engine.BuildKit;

/// <summary>
/// Folds the trace messages of one build into steps: numbers them, tells the observer of each change of state and
/// of each complete log line, and keeps the last lines of every step so that a failure can show them.
/// </summary>
internal sealed class TraceState(IBuildObserver? observer)
{
    /// <summary>How many of a failed step's last lines go under the error.</summary>
    public const int TailLines = 10;

    private readonly Dictionary<string, Entry> steps = new(StringComparer.Ordinal);

    public IEnumerable<BuildStep> Steps => steps.Values.Select(entry => entry.Step).OrderBy(step => step.Number);

    /// <summary>The first step that failed, with its last log lines.</summary>
    public (BuildStep Step, IReadOnlyList<string> Tail)? Failure =>
        steps.Values.Where(entry => entry.Step.State == BuildStepState.Failed).OrderBy(entry => entry.Step.Number)
            .Select(entry => ((BuildStep, IReadOnlyList<string>)?)(entry.Step, entry.TailWithPending())).FirstOrDefault();

    public void Apply(TraceMessage message)
    {
        foreach (var vertex in message.Vertexes)
        {
            if (!steps.TryGetValue(vertex.Digest, out var entry))
            {
                entry = steps[vertex.Digest] = new Entry(new BuildStep(steps.Count + 1, vertex.Name, BuildStepState.Running, null, null, null));
            }

            // A step told as done may be re-sent as cached: that is news too (it ran nothing).
            var state = vertex.Error is not null ? BuildStepState.Failed
                : vertex.Cached ? BuildStepState.Cached
                : vertex.Completed is not null ? BuildStepState.Done
                : BuildStepState.Running;
            var step = entry.Step with
            {
                Name = vertex.Name.Length > 0 ? vertex.Name : entry.Step.Name,
                State = state,
                Started = vertex.Started ?? entry.Step.Started,
                Completed = vertex.Completed ?? entry.Step.Completed,
                Error = vertex.Error,
            };

            // A vertex is announced before it starts; it counts once it started or was settled.
            var announced = vertex.Started is not null || state != BuildStepState.Running;
            if (announced && (!entry.Announced || step.State != entry.Step.State))
            {
                entry.Announced = true;
                if (state != BuildStepState.Running)
                {
                    entry.FlushPending(step, observer);
                }

                entry.Step = step;
                observer?.Step(step);
            }
            else
            {
                entry.Step = step;
            }
        }

        foreach (var log in message.Logs)
        {
            if (steps.TryGetValue(log.Vertex, out var entry))
            {
                entry.Append(Encoding.UTF8.GetString(log.Data), observer);
            }
        }
    }

    private sealed class Entry(BuildStep step)
    {
        private readonly StringBuilder pending = new();
        private readonly Queue<string> tail = new();

        public BuildStep Step { get; set; } = step;

        /// <summary>The observer was told of the step; later reports only tell changes of state.</summary>
        public bool Announced { get; set; }

        public void Append(string text, IBuildObserver? observer)
        {
            pending.Append(text);
            var buffered = pending.ToString();
            var lastNewline = buffered.LastIndexOf('\n');
            if (lastNewline < 0)
            {
                return;
            }

            pending.Clear().Append(buffered[(lastNewline + 1)..]);
            foreach (var line in buffered[..lastNewline].Split('\n'))
            {
                Emit(line.TrimEnd('\r'), observer);
            }
        }

        public void FlushPending(BuildStep step, IBuildObserver? observer)
        {
            if (pending.Length > 0)
            {
                Step = step;
                Emit(pending.ToString().TrimEnd('\r'), observer);
                pending.Clear();
            }
        }

        public IReadOnlyList<string> TailWithPending() =>
            pending.Length > 0 ? [.. tail.Skip(tail.Count == TailLines ? 1 : 0), pending.ToString()] : [.. tail];

        private void Emit(string line, IBuildObserver? observer)
        {
            tail.Enqueue(line);
            if (tail.Count > TailLines)
            {
                tail.Dequeue();
            }

            observer?.Log(Step, line);
        }
    }
}
