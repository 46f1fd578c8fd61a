namespace Composer.Engine.Contracts;

/// <summary>An engine call failed; the message is one readable line for the user.</summary>
public class EngineException(string message, Exception? innerException = null) : Exception(message, innerException);
