namespace Composer.Orchestration.Providers;

/// <summary>
/// One JSON line a provider's tool prints on its standard output: <c>{"type": "info", "message": "..."}</c>.
/// The types are docker compose's: info, error, setenv, rawsetenv, debug.
/// </summary>
public sealed record ProviderMessage(string Type, string Message)
{
    public const string Info = "info";
    public const string Error = "error";
    public const string SetEnv = "setenv";
    public const string RawSetEnv = "rawsetenv";
    public const string Debug = "debug";
}
