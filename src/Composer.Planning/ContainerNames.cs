using System.Globalization;
using Composer.Model;

namespace Composer.Planning;

public static class ContainerNames
{
    /// <summary><c>container_name</c> when given, else &lt;project&gt;-&lt;service&gt;-&lt;number&gt;.</summary>
    public static string For(string projectName, Service service, int number) =>
        service.ContainerName ?? $"{projectName}-{service.Name}-{number.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// The name a replacement container has until the old one is gone; prefixed with the old id so that two
    /// interrupted runs cannot pick the same name.
    /// </summary>
    public static string Temporary(string oldContainerId, string finalName) =>
        $"{oldContainerId[..Math.Min(12, oldContainerId.Length)]}_{finalName}";
}
