namespace Composer.Model;

/// <summary>
/// Labels of a stack on a Swarm. The first two are docker stack's own, so that <c>docker stack ls/ps/services/rm</c>
/// see Composer's stacks and Composer sees docker's; the others are Composer's and docker ignores them.
/// </summary>
public static class StackLabels
{
    /// <summary>On services, their containers, networks, secrets and configs: the stack name.</summary>
    public const string Namespace = "com.docker.stack.namespace";

    /// <summary>On services: the image as the compose file names it.</summary>
    public const string Image = "com.docker.stack.image";

    /// <summary>On services: the hash of the desired spec (replicas left out), so an unchanged redeploy sends nothing.</summary>
    public const string ConfigHash = "org.composer.stack.config-hash";

    /// <summary>On secrets and configs: the compose key they were made from.</summary>
    public const string ObjectKey = "org.composer.stack.object";

    /// <summary>On secrets and configs: the SHA-256 of their data, which decides when one is rotated.</summary>
    public const string ContentHash = "org.composer.stack.content-hash";

    /// <summary>&lt;stack&gt;_&lt;name&gt;, as docker stack scopes names.</summary>
    public static string Scope(string stack, string name) => ComposeNames.Resource(stack, name);
}
