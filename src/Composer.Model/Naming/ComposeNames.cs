using System.Globalization;

namespace Composer.Model;

/// <summary>
/// The names Composer gives engine objects, the same as docker compose's so that each tool finds the other's:
/// containers <c>&lt;project&gt;-&lt;service&gt;-&lt;n&gt;</c>, one-off containers
/// <c>&lt;project&gt;-&lt;service&gt;-run-&lt;hex&gt;</c>, networks, volumes, secrets and configs
/// <c>&lt;project&gt;_&lt;key&gt;</c>, built images <c>&lt;project&gt;-&lt;service&gt;</c>.
/// </summary>
public static class ComposeNames
{
    /// <summary><c>container_name</c> when given, else &lt;project&gt;-&lt;service&gt;-&lt;number&gt;.</summary>
    public static string Container(string project, Service service, int number) =>
        service.ContainerName ?? Container(project, service.Name, number);

    /// <summary>&lt;project&gt;-&lt;service&gt;-&lt;number&gt;, the name a replica gets unless container_name says otherwise.</summary>
    public static string Container(string project, string service, int number) =>
        $"{project}-{service}-{number.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// The name a replacement container has until the old one is gone; prefixed with the old id so that two
    /// interrupted runs cannot pick the same name.
    /// </summary>
    public static string Temporary(string oldContainerId, string finalName) =>
        $"{oldContainerId[..Math.Min(12, oldContainerId.Length)]}_{finalName}";

    /// <summary>A one-off (<c>run</c>) container: &lt;project&gt;-&lt;service&gt;-run-&lt;suffix&gt; (12 hex digits by default).</summary>
    public static string OneOff(string project, string service, string suffix) => $"{project}-{service}-run-{suffix}";

    /// <summary>A top-level network, volume, secret or config without <c>name:</c>: &lt;project&gt;_&lt;key&gt;.</summary>
    public static string Resource(string project, string key) => $"{project}_{key}";

    /// <summary>The image a service without <c>image:</c> is built under: &lt;project&gt;-&lt;service&gt;, lower case.</summary>
    public static string BuiltImage(string project, string service) => $"{project}-{service}".ToLowerInvariant();

    /// <summary>The image a service runs: its <c>image</c>, else the name it is built under.</summary>
    public static string Image(string project, Service service) => service.Image ?? BuiltImage(project, service.Name);
}
