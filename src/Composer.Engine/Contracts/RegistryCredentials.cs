namespace Composer.Engine.Contracts;

/// <summary>
/// What the engine hands a registry to log in. <see cref="ToString"/> never shows the secrets, so that a record
/// printed by mistake leaks nothing.
/// </summary>
public sealed record RegistryCredentials(string ServerAddress, string? Username, string? Password, string? IdentityToken)
{
    public override string ToString() => $"credentials for {ServerAddress} (user {Username ?? "<token>"})";
}
