namespace Composer.Orchestration.Stack;

/// <summary>A stack verb failed in a way the user can act on (a service that does not converge, an unknown stack); one line each.</summary>
public sealed class StackException(string message) : Exception(message);
