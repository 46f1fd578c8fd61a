namespace Composer.Orchestration.Providers;

/// <summary>A provider's tool could not be found or run, said it failed, or spoke outside the protocol: one line.</summary>
public sealed class ProviderFailedException(string message) : Exception(message);
