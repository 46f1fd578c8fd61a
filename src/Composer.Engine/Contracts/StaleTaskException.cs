namespace Composer.Engine.Contracts;

/// <summary>
/// A container cannot start because the engine's runtime still holds a task for it (left by an engine that was
/// killed): <c>task ... already exists</c>. Only removing and creating the container again clears it.
/// </summary>
public sealed class StaleTaskException(string message, Exception? innerException = null) : EngineException(message, innerException);
