namespace Composer.Orchestration.Services;

/// <summary>One project of <c>ls</c>: Status reads like "running(2), exited(1)".</summary>
public sealed record ProjectRow(string Name, string Status, string ConfigFiles, string WorkingDirectory);
