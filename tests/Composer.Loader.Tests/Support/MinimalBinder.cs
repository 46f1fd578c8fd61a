using Composer.Loader.Diagnostics;
using Composer.Loader.Pipeline;
using Composer.Loader.Tree;
using Composer.Model;

namespace Composer.Loader.Tests.Support;

/// <summary>
/// A stand-in for the real binder, enough for facade tests: service names, image, profiles, depends_on, env_file.
/// </summary>
internal static class MinimalBinder
{
    public static Project Bind(MappingNode root, Composer.Loader.Binding.BindContext context, DiagnosticBag diagnostics)
    {
        var services = new SortedDictionary<string, Service>(StringComparer.Ordinal);
        if (root["services"] is MappingNode servicesNode)
        {
            foreach (var entry in servicesNode.Entries)
            {
                var service = (MappingNode)entry.Value;
                services[entry.Key] = new Service
                {
                    Name = entry.Key,
                    Image = (service["image"] as ScalarNode)?.Value,
                    Profiles = Names(service["profiles"]),
                    DependsOn = new SortedDictionary<string, ServiceDependency>(
                        Names(service["depends_on"]).ToDictionary(name => name, _ => new ServiceDependency()), StringComparer.Ordinal),
                    EnvFiles = Names(service["env_file"]).Select(path => new EnvFile { Path = path }).ToArray(),
                };
            }
        }

        return new Project
        {
            Name = context.ProjectName,
            WorkingDirectory = context.WorkingDirectory,
            ConfigFiles = context.ConfigFiles,
            Services = services,
            Environment = context.Environment,
        };
    }

    private static IReadOnlyList<string> Names(Node? node) => node switch
    {
        ScalarNode { IsNull: false } scalar => [scalar.Value],
        SequenceNode sequence => sequence.Items.OfType<ScalarNode>().Select(item => item.Value).ToArray(),
        MappingNode mapping => mapping.Entries.Select(entry => entry.Key).ToArray(),
        _ => [],
    };
}
