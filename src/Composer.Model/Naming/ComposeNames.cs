using System.Globalization;

namespace Composer.Model;

/// <summary>
/// The names Composer gives engine objects, the same as docker compose's so that each tool finds the other's:
/// containers <c>&lt;project&gt;-&lt;service&gt;-&lt;n&gt;</c>, one-off containers
/// <c>&lt;project&gt;-&lt;service&gt;-run-&lt;hex&gt;</c>, networks, volumes, secrets and configs
/// <c>&lt;project&gt;_&lt;key&gt;</c>, built images <c>&lt;project&gt;-&lt;service&gt;</c>. With <c>--compatibility</c>
/// (<see cref="Project.Compatibility"/>) the parts of container and image names are joined by <c>_</c> as docker compose
/// v1 did (<c>&lt;project&gt;_&lt;service&gt;_&lt;n&gt;</c>), which docker compose v2 does in that mode too.
/// </summary>
public static class ComposeNames
{
    /// <summary>Between the parts of container, one-off and built image names.</summary>
    public const string Separator = "-";

    /// <summary>The separator of docker compose v1, used with --compatibility.</summary>
    public const string CompatibilitySeparator = "_";

    public static string SeparatorOf(Project project) => project.Compatibility ? CompatibilitySeparator : Separator;

    /// <summary><c>container_name</c> when given, else &lt;project&gt;-&lt;service&gt;-&lt;number&gt;.</summary>
    public static string Container(Project project, Service service, int number) =>
        service.ContainerName ?? Container(project, service.Name, number);

    /// <summary>&lt;project&gt;-&lt;service&gt;-&lt;number&gt; (or with _), the name a replica gets unless container_name says otherwise.</summary>
    public static string Container(Project project, string service, int number) =>
        Container(project.Name, service, number, SeparatorOf(project));

    /// <summary>&lt;project&gt;&lt;separator&gt;&lt;service&gt;&lt;separator&gt;&lt;number&gt;.</summary>
    public static string Container(string project, string service, int number, string separator = Separator) =>
        string.Join(separator, project, service, number.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// The name a replacement container has until the old one is gone; prefixed with the old id so that two
    /// interrupted runs cannot pick the same name.
    /// </summary>
    public static string Temporary(string oldContainerId, string finalName) =>
        $"{oldContainerId[..Math.Min(12, oldContainerId.Length)]}_{finalName}";

    /// <summary>A one-off (<c>run</c>) container: &lt;project&gt;-&lt;service&gt;-run-&lt;suffix&gt; (12 hex digits by default).</summary>
    public static string OneOff(Project project, string service, string suffix) =>
        string.Join(SeparatorOf(project), project.Name, service, "run", suffix);

    /// <summary>A top-level network, volume, secret or config without <c>name:</c>: &lt;project&gt;_&lt;key&gt;.</summary>
    public static string Resource(string project, string key) => $"{project}_{key}";

    /// <summary>The image a service without <c>image:</c> is built under: &lt;project&gt;-&lt;service&gt;, lower case.</summary>
    public static string BuiltImage(Project project, string service) =>
        string.Join(SeparatorOf(project), project.Name, service).ToLowerInvariant();

    /// <summary>The image a service runs: its <c>image</c>, else the name it is built under.</summary>
    public static string Image(Project project, Service service) => service.Image ?? BuiltImage(project, service.Name);
}
