using Composer.Loader.Tree;
using Composer.Model;

namespace Composer.Loader.Binding;

/// <summary>
/// <c>services.*.deploy</c>: the parts a single engine honours are typed; the rest (placement, update_config,
/// generic_resources...) stays generic in <see cref="Deploy.Other"/>, keeping its nesting.
/// </summary>
internal static class DeployBinder
{
    private static readonly HashSet<string> TypedKeys = ["mode", "replicas", "labels", "resources", "restart_policy"];
    private static readonly HashSet<string> TypedResourceKeys = ["cpus", "memory", "pids", "devices"];
    private static readonly HashSet<string> RestartPolicyKeys = ["condition", "delay", "max_attempts", "window"];

    public static Deploy? Bind(Node node, string path, BindReader reader)
    {
        if (reader.Mapping(node, path) is not { } mapping)
        {
            return null;
        }

        var other = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries.Where(entry => !TypedKeys.Contains(entry.Key)))
        {
            other[entry.Key] = BindReader.Generic(entry.Value);
        }

        ResourceSpec? limits = null;
        ResourceSpec? reservations = null;
        var resourcesPath = PathText.Key(path, "resources");
        if (mapping["resources"] is { } resourcesNode && reader.Mapping(resourcesNode, resourcesPath) is { } resources)
        {
            var untypedResources = new SortedDictionary<string, object?>(StringComparer.Ordinal);
            foreach (var entry in resources.Entries)
            {
                var entryPath = PathText.Key(resourcesPath, entry.Key);
                if (entry.Key is "limits" or "reservations" && reader.Mapping(entry.Value, entryPath) is { } spec)
                {
                    var typed = BindResourceSpec(spec, entryPath, reader);
                    if (entry.Key == "limits")
                    {
                        limits = typed;
                    }
                    else
                    {
                        reservations = typed;
                    }

                    var untyped = new SortedDictionary<string, object?>(StringComparer.Ordinal);
                    foreach (var specEntry in spec.Entries.Where(specEntry => !TypedResourceKeys.Contains(specEntry.Key)))
                    {
                        untyped[specEntry.Key] = BindReader.Generic(specEntry.Value);
                    }

                    if (untyped.Count > 0)
                    {
                        untypedResources[entry.Key] = untyped;
                    }
                }
                else if (entry.Key is not ("limits" or "reservations"))
                {
                    untypedResources[entry.Key] = BindReader.Generic(entry.Value);
                }
            }

            if (untypedResources.Count > 0)
            {
                other["resources"] = untypedResources;
            }
        }

        return new Deploy
        {
            Mode = reader.StringAt(mapping, "mode", path),
            Replicas = reader.IntAt(mapping, "replicas", path),
            Labels = reader.StringMapAt(mapping, "labels", path),
            Limits = limits,
            Reservations = reservations,
            RestartPolicy = mapping["restart_policy"] is { } policy ? BindRestartPolicy(policy, PathText.Key(path, "restart_policy"), reader) : null,
            Other = other.Count == 0 ? Extensions.Empty : new Extensions(other),
        };
    }

    private static ResourceSpec BindResourceSpec(MappingNode spec, string path, BindReader reader) => new()
    {
        Cpus = reader.DoubleAt(spec, "cpus", path),
        Memory = reader.ByteSizeAt(spec, "memory", path),
        Pids = reader.LongAt(spec, "pids", path),
        Devices = spec["devices"] is { } devices ? DeviceRequestsBinder.Bind(devices, PathText.Key(path, "devices"), reader) : [],
    };

    private static RestartPolicy? BindRestartPolicy(Node node, string path, BindReader reader)
    {
        if (reader.Mapping(node, path) is not { } mapping)
        {
            return null;
        }

        reader.RejectUnknownKeys(mapping, path, RestartPolicyKeys);
        return new RestartPolicy
        {
            Condition = reader.StringAt(mapping, "condition", path),
            Delay = reader.DurationAt(mapping, "delay", path),
            MaxAttempts = reader.IntAt(mapping, "max_attempts", path),
            Window = reader.DurationAt(mapping, "window", path),
        };
    }
}
