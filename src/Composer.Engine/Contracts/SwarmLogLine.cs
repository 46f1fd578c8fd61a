namespace Composer.Engine.Contracts;

/// <summary>One line of a service's output with the task and node it came from.</summary>
public sealed record SwarmLogLine(string TaskId, string NodeId, LogStream Stream, string Text);
