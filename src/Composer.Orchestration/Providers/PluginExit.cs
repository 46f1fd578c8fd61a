namespace Composer.Orchestration.Providers;

/// <summary>How a tool ended: its exit code and the last line it wrote to standard error (null when none).</summary>
public sealed record PluginExit(int ExitCode, string? LastErrorLine);
