namespace Composer.Orchestration.Readiness;

/// <summary>A service did not reach the state others wait for, e.g. "db is unhealthy: connection refused".</summary>
public sealed class DependencyFailedException(string message) : Exception(message);
