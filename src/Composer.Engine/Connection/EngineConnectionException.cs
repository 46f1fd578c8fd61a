using Composer.Engine.Contracts;

namespace Composer.Engine.Connection;

/// <summary>The engine's address or TLS material could not be worked out; the message says which setting is wrong.</summary>
public sealed class EngineConnectionException(string message, Exception? innerException = null)
    : EngineException(message, innerException);
