using Composer.Loader.Tree;
using Composer.Model;

namespace Composer.Loader.Binding;

/// <summary><c>services.*.depends_on</c>: a list of names means "started and required"; the map form is checked.</summary>
internal static class DependsOnBinder
{
    private static readonly HashSet<string> LongKeys = ["condition", "restart", "required"];
    private static readonly HashSet<string> Conditions =
        [ServiceDependency.Started, ServiceDependency.Healthy, ServiceDependency.CompletedSuccessfully];

    public static IReadOnlyDictionary<string, ServiceDependency> Bind(Node node, string path, BindReader reader)
    {
        var dependencies = new SortedDictionary<string, ServiceDependency>(StringComparer.Ordinal);
        switch (node)
        {
            case SequenceNode:
                foreach (var name in reader.StrictStringList(node, path))
                {
                    dependencies[name] = new ServiceDependency();
                }

                break;
            case MappingNode mapping:
                foreach (var entry in mapping.Entries)
                {
                    var entryPath = PathText.Key(path, entry.Key);
                    if (BindReader.IsNull(entry.Value))
                    {
                        dependencies[entry.Key] = new ServiceDependency();
                        continue;
                    }

                    if (reader.Mapping(entry.Value, entryPath) is not { } options)
                    {
                        continue;
                    }

                    reader.RejectUnknownKeys(options, entryPath, LongKeys);
                    var condition = reader.StringAt(options, "condition", entryPath) ?? ServiceDependency.Started;
                    if (!Conditions.Contains(condition))
                    {
                        reader.Error(options["condition"]!, PathText.Key(entryPath, "condition"),
                            $"\"{condition}\" is not one of service_started, service_healthy, service_completed_successfully");
                    }

                    dependencies[entry.Key] = new ServiceDependency
                    {
                        Condition = condition,
                        Restart = reader.BoolAt(options, "restart", entryPath) ?? false,
                        Required = reader.BoolAt(options, "required", entryPath) ?? true,
                        Extensions = BindReader.ExtensionsOf(options),
                    };
                }

                break;
            default:
                if (!BindReader.IsNull(node))
                {
                    reader.Error(node, path, "must be a list of service names or a mapping");
                }

                break;
        }

        return dependencies;
    }
}
