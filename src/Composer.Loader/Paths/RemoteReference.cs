namespace Composer.Loader.Paths;

/// <summary>Tells URLs (git, http, oci) from file paths, so that they are never joined to a folder.</summary>
internal static class RemoteReference
{
    public static bool IsRemote(string reference) =>
        reference.Contains("://", StringComparison.Ordinal)
        || reference.StartsWith("git@", StringComparison.Ordinal)
        || reference.StartsWith("github.com/", StringComparison.Ordinal);
}
