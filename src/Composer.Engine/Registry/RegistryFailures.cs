namespace Composer.Engine.Registry;

/// <summary>One line for a failed pull or push that says whether the registry could not be reached at all.</summary>
public static class RegistryFailures
{
    // What the engine's Go HTTP client says when no connection to the registry was made.
    private static readonly string[] UnreachableSigns =
    [
        "dial tcp", "connection refused", "no such host", "i/o timeout", "network is unreachable",
        "Client.Timeout exceeded", "TLS handshake timeout", "server misbehaving", "connection reset by peer",
    ];

    public static string Describe(string verb, string reference, string registryHost, string engineMessage) =>
        UnreachableSigns.Any(sign => engineMessage.Contains(sign, StringComparison.OrdinalIgnoreCase))
            ? $"cannot {verb} {reference}: registry {registryHost} is not reachable ({engineMessage})"
            : $"cannot {verb} {reference}: {engineMessage}";
}
