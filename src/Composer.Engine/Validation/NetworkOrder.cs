using Composer.Model;

namespace Composer.Engine.Validation;

/// <summary>The order a service joins its networks: highest priority first, then by key; the first is joined at create.</summary>
public static class NetworkOrder
{
    public static IReadOnlyList<KeyValuePair<string, ServiceNetwork?>> Ordered(Service service) =>
        (service.Networks.Count == 0 ? new Dictionary<string, ServiceNetwork?> { ["default"] = null } : service.Networks)
            .OrderByDescending(pair => pair.Value?.Priority ?? 0)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .ToList();
}
