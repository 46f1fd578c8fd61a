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

    /// <summary>Reports at a nested place (list indexes as numbers) with the full path, e.g. services.web.develop.watch[0].path.</summary>
    public void ErrorAt(string[] keys, string path, string message) =>
        diagnostics.Error(Locate(keys), path, message);

    private Mark Locate(string[] keys) => TreeLocator.Find(root, ["services", ServiceName, .. keys]);

    private string PathOf(string[] keys) => keys.Length == 0 ? "services." + ServiceName : "services." + ServiceName + "." + keys[0];
}
