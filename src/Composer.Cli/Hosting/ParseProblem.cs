namespace Composer.Cli.Hosting;

/// <summary>What was wrong with a command line: one message and, when it helps, one hint line.</summary>
internal sealed record ParseProblem(string Message, string? Hint);
