namespace Composer.Planning.Providers;

/// <summary>
/// What a provider's tool said its dependents should see, in the order it said it: <c>setenv</c> values (given to
/// dependents as <c>&lt;SERVICE&gt;_&lt;KEY&gt;</c>) and <c>rawsetenv</c> values (given as they are).
/// </summary>
public sealed record ProviderVariables(IReadOnlyList<KeyValuePair<string, string>> Prefixed, IReadOnlyList<KeyValuePair<string, string>> Raw)
{
    public static ProviderVariables None { get; } = new([], []);
}
