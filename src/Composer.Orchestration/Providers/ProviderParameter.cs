namespace Composer.Orchestration.Providers;

/// <summary>A parameter a provider's tool declares for a command: its name (an option key) and whether it is required.</summary>
public sealed record ProviderParameter(string Name, bool Required);
