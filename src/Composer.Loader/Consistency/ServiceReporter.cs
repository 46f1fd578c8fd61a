using Composer.Loader.Diagnostics;
using Composer.Loader.Tree;

namespace Composer.Loader.Consistency;

/// <summary>Reports problems of one service at the place its attribute was written.</summary>
internal sealed class ServiceReporter(string serviceName, MappingNode? root, DiagnosticBag diagnostics)
{
    public string ServiceName { get; } = serviceName;

    public void Error(string[] keys, string message) =>
        diagnostics.Error(Locate(keys), PathOf(keys), message);

    public void Warning(string[] keys, string message) =>
        diagnostics.Warning(Locate(keys), PathOf(keys), message);

    private Mark Locate(string[] keys) => TreeLocator.Find(root, ["services", ServiceName, .. keys]);

    private string PathOf(string[] keys) => keys.Length == 0 ? "services." + ServiceName : "services." + ServiceName + "." + keys[0];
}
