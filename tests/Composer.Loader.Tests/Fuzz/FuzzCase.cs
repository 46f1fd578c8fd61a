namespace Composer.Loader.Tests.Fuzz;

/// <summary>
/// One generated input: the bytes of compose.yaml, optionally an override file merged over it and a .env file, and
/// the kind of damage that produced it (for the counts and for reproducing a failure by its number).
/// </summary>
internal sealed record FuzzCase(long Number, string Kind, byte[] Compose, byte[]? Override, byte[]? DotEnv);
