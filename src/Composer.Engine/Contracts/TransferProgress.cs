namespace Composer.Engine.Contracts;

/// <summary>
/// One message of the engine during a pull or push: a layer's status (Downloading, Extracting, Pull complete, ...)
/// with its byte counts when the engine gives them, or a line about the whole image (<see cref="Id"/> null).
/// </summary>
public sealed record TransferProgress(string? Id, string Status, long? Current = null, long? Total = null);
