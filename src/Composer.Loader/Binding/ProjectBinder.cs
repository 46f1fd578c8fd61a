using Composer.Loader.Diagnostics;
using Composer.Loader.Tree;
using Composer.Model;

namespace Composer.Loader.Binding;

/// <summary>
/// The canonical-form stage: turns the merged, interpolated tree into the typed <see cref="Project"/>, short syntax
/// into long syntax, relative paths into absolute ones. Problems become diagnostics; nothing here throws for bad input.
/// All services land in <see cref="Project.Services"/>; the profiles stage decides which are disabled.
/// </summary>
internal static class ProjectBinder
{
    public const string DefaultNetwork = "default";

    private static readonly HashSet<string> TopLevelKeys = ["version", "name", "include", "services", "networks", "volumes", "secrets", "configs", "models"];

    public static Project Bind(MappingNode root, BindContext context, DiagnosticBag diagnostics)
    {
        var reader = new BindReader(diagnostics, context);
        reader.RejectUnknownKeys(root, string.Empty, TopLevelKeys);

        var services = new SortedDictionary<string, Service>(StringComparer.Ordinal);
        if (root["services"] is { } servicesNode && reader.Mapping(servicesNode, "services") is { } servicesMapping)
        {
            foreach (var entry in servicesMapping.Entries)
            {
                var path = PathText.Key("services", entry.Key);
                var mapping = reader.Mapping(entry.Value, path) ?? new MappingNode([], entry.Value.Mark);
                services[entry.Key] = ServiceBinder.Bind(entry.Key, mapping, path, reader);
            }
        }

        var networks = TopLevelBinder.Section(root["networks"], "networks", reader, TopLevelBinder.BindNetwork);
        AddDefaultNetwork(services, networks, context);

        return new Project
        {
            Name = context.ProjectName,
            WorkingDirectory = context.WorkingDirectory,
            ConfigFiles = context.ConfigFiles,
            Services = services,
            Networks = networks,
            Volumes = TopLevelBinder.Section(root["volumes"], "volumes", reader, TopLevelBinder.BindVolume),
            Secrets = TopLevelBinder.Section(root["secrets"], "secrets", reader, TopLevelBinder.BindFileObject),
            Configs = TopLevelBinder.Section(root["configs"], "configs", reader, TopLevelBinder.BindFileObject),
            Extensions = BindReader.ExtensionsOf(root),
            Environment = context.Environment,
        };
    }

    /// <summary>
    /// A service with neither networks nor network_mode joins the project's default network, which exists even when
    /// the file never declares it. The attachment is made explicit so later stages need no special case.
    /// </summary>
    private static void AddDefaultNetwork(
        SortedDictionary<string, Service> services, SortedDictionary<string, Network> networks, BindContext context)
    {
        var usesDefault = false;
        foreach (var (name, service) in services.ToArray())
        {
            if (service.Networks.Count > 0)
            {
                usesDefault |= service.Networks.ContainsKey(DefaultNetwork);
                continue;
            }

            if (service.NetworkMode is not null)
            {
                continue;
            }

            usesDefault = true;
            services[name] = service with
            {
                Networks = new SortedDictionary<string, ServiceNetwork?>(StringComparer.Ordinal) { [DefaultNetwork] = null },
            };
        }

        if (usesDefault && !networks.ContainsKey(DefaultNetwork))
        {
            networks[DefaultNetwork] = new Network { Name = ComposeNames.Resource(context.ProjectName, DefaultNetwork) };
        }
    }
}
