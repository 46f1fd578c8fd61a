namespace Composer.Engine.Contracts;

/// <summary>One line of a container's output, without its line break (with the engine's timestamp in front when asked).</summary>
public sealed record LogLine(LogStream Stream, string Text);
