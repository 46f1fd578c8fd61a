namespace Composer.Planning.Stack;

/// <summary><c>stack deploy --resolve-image</c>: when the registry is asked for the digest a service's image is pinned to.</summary>
public enum ResolveImageMode
{
    /// <summary>For every service, on every deploy (docker stack's default).</summary>
    Always,

    /// <summary>Only for services being created or whose image (as written) changed.</summary>
    Changed,

    /// <summary>Never: services run the image as written (a digest pinned by an earlier deploy is kept while the image stays the same).</summary>
    Never,
}
