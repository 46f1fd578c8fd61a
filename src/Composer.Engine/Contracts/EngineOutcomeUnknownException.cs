namespace Composer.Engine.Contracts;

/// <summary>
/// A change was sent but its answer was lost (connection reset, timeout): the engine may or may not have done it.
/// It is never retried blindly; the caller observes the engine again and acts on what it finds.
/// </summary>
public sealed class EngineOutcomeUnknownException(string operation, string reason, Exception? innerException = null)
    : EngineException($"{operation}: the engine's answer was lost ({reason}); it may or may not have done it", innerException)
{
    public string Operation { get; } = operation;
}
