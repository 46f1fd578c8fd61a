namespace Composer.Orchestration.Watch;

/// <summary>Watching cannot start (nothing to watch, a rebuild rule with --no-build); the message is one line.</summary>
public sealed class WatchException(string message) : Exception(message);
