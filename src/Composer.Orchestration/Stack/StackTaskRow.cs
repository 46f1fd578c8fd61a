namespace Composer.Orchestration.Stack;

/// <summary>One line of <c>stack ps</c>: a task with its node, states, error and ports.</summary>
public sealed record StackTaskRow(
    string Id,
    string Name,
    string Image,
    string Node,
    string DesiredState,
    string CurrentState,
    DateTimeOffset? Since,
    string Error,
    string Ports,
    long? ExitCode,
    bool IsHistory);
