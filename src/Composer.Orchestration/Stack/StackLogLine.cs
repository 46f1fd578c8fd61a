namespace Composer.Orchestration.Stack;

/// <summary>One line of <c>stack logs</c>: its source as task and node (web.1@swn2) and its text.</summary>
public sealed record StackLogLine(string Source, bool Stderr, string Text);
