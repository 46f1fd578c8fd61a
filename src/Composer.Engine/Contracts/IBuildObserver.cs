namespace Composer.Engine.Contracts;

/// <summary>
/// Follows one build. The classic builder only prints lines; BuildKit reports steps (each change of state) and
/// the log lines of each step. Calls arrive in order from one thread.
/// </summary>
public interface IBuildObserver
{
    /// <summary>A line of the classic builder's output ("Step 2/3 : RUN make").</summary>
    void Line(string line);

    /// <summary>A BuildKit step started, finished, was found in the cache or failed.</summary>
    void Step(BuildStep step);

    /// <summary>A line a BuildKit step printed.</summary>
    void Log(BuildStep step, string line);
}
