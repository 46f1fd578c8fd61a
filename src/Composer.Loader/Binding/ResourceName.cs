using Composer.Loader.Tree;
using Composer.Model;

namespace Composer.Loader.Binding;

/// <summary>
/// The engine-side name of a top-level network, volume, secret or config: <c>name:</c> when given, else
/// &lt;project&gt;_&lt;key&gt;; an external resource is never prefixed. The old form <c>external: {name: x}</c> is accepted.
/// </summary>
internal static class ResourceName
{
    public static (string Name, bool External) Of(string key, MappingNode? mapping, string path, BindReader reader)
    {
        var name = mapping is null ? null : reader.StringAt(mapping, "name", path);
        var external = false;
        if (mapping?["external"] is { } externalNode)
        {
            var externalPath = PathText.Key(path, "external");
            if (externalNode is MappingNode legacy)
            {
                external = true;
                reader.Warning(legacy, externalPath, "external.name is deprecated; use name with external: true");
                name ??= reader.StringAt(legacy, "name", externalPath);
            }
            else
            {
                external = reader.Bool(externalNode, externalPath) ?? false;
            }
        }

        if (!string.IsNullOrEmpty(name))
        {
            return (name, external);
        }

        return (external ? key : ComposeNames.Resource(reader.Context.ProjectName, key), external);
    }
}
