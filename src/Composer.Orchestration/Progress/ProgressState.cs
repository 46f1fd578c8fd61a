namespace Composer.Orchestration.Progress;

public enum ProgressState
{
    Working,
    Done,
    Error,
}
