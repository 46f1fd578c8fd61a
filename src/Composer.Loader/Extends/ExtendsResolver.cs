using Composer.Loader.Diagnostics;
using Composer.Loader.Limits;
using Composer.Loader.Merge;
using Composer.Loader.Paths;
using Composer.Loader.Tree;

namespace Composer.Loader.Extends;

/// <summary>
/// Resolves <c>extends</c> (<c>extends: name</c> or <c>extends: {service, file}</c>): the base service, itself
/// resolved first, is merged under the extending one with the merge rules of several files. A base taken from
/// another file has its relative paths made absolute against that file's folder. Cycles are reported as a chain.
/// </summary>
internal sealed class ExtendsResolver
{
    private readonly Func<string, MappingNode?> _loadFile;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, MappingNode?> _resolved = new(StringComparer.Ordinal);
    private bool _chainLimitReported;

    /// <param name="loadFile">Reads, parses and interpolates another compose file by absolute path; null after reporting a problem.</param>
    public ExtendsResolver(Func<string, MappingNode?> loadFile, DiagnosticBag diagnostics)
    {
        _loadFile = loadFile;
        _diagnostics = diagnostics;
    }

    /// <summary>Resolves every service of <paramref name="root"/>, a tree declared in <paramref name="filePath"/>.</summary>
    public MappingNode Resolve(MappingNode root, string filePath)
    {
        if (root["services"] is not MappingNode services)
        {
            return root;
        }

        var resolvedServices = new List<MappingEntry>();
        foreach (var entry in services.Entries)
        {
            if (entry.Value is not MappingNode mapping || !mapping.ContainsKey("extends"))
            {
                resolvedServices.Add(entry);
                continue;
            }

            var resolved = ResolveService(services, entry.Key, filePath, []);
            resolvedServices.Add(entry with { Value = resolved ?? entry.Value });
        }

        var newServices = new MappingNode(resolvedServices, services.Mark, services.Tag);
        return new MappingNode(
            root.Entries.Select(entry => entry.Key == "services" ? entry with { Value = newServices } : entry).ToArray(),
            root.Mark,
            root.Tag);
    }

    /// <summary>Returns the service with its extends resolved; null when it failed (already reported).</summary>
    private MappingNode? ResolveService(MappingNode services, string serviceName, string filePath, IReadOnlyList<string> chain)
    {
        var identity = filePath + "#" + serviceName;
        if (_resolved.TryGetValue(identity, out var done))
        {
            return done;
        }

        var path = TreePath.Child("services", serviceName);
        var service = services[serviceName] switch
        {
            MappingNode mapping => mapping,

            // `base:` left empty is a service with no attributes, still worth extending.
            ScalarNode { IsNull: true } empty => new MappingNode([], empty.Mark),
            _ => null,
        };
        if (service is null)
        {
            return null;
        }

        if (service["extends"] is not { } extendsNode)
        {
            _resolved[identity] = service;
            return service;
        }

        var extendsPath = TreePath.Child(path, "extends");
        if (!TryReadReference(extendsNode, extendsPath, out var baseServiceName, out var baseFile))
        {
            return _resolved[identity] = null;
        }

        if (chain.Contains(identity))
        {
            var names = chain.Append(identity).Select(link => link[(link.IndexOf('#') + 1)..]);
            _diagnostics.Error(extendsNode.Mark, extendsPath, "extends cycle: " + string.Join(" -> ", names));
            return null;
        }

        if (chain.Count >= InputLimits.MaxExtendsChain)
        {
            // Resolving recurses once per link: a chain of thousands would overflow the stack.
            if (!_chainLimitReported)
            {
                _chainLimitReported = true;
                _diagnostics.Error(extendsNode.Mark, extendsPath, $"extends chain longer than {InputLimits.MaxExtendsChain} services");
            }

            return _resolved[identity] = null;
        }

        var baseFilePath = baseFile is null ? filePath : Path.GetFullPath(baseFile, DeclaringDirectory(extendsNode, filePath));
        var baseRoot = baseFile is null ? null : _loadFile(baseFilePath);
        if (baseFile is not null && baseRoot is null)
        {
            // The file could not be read or parsed; that was reported where it happened.
            return _resolved[identity] = null;
        }

        var baseServices = baseFile is null ? services : baseRoot!["services"] as MappingNode;
        if (baseServices is null || !baseServices.ContainsKey(baseServiceName))
        {
            var where = baseFile is null ? string.Empty : " in " + baseFilePath;
            _diagnostics.Error(extendsNode.Mark, extendsPath, $"service \"{serviceName}\" extends unknown service \"{baseServiceName}\"{where}");
            return _resolved[identity] = null;
        }

        var baseService = ResolveService(baseServices, baseServiceName, baseFilePath, [.. chain, identity]);
        if (baseService is null)
        {
            return _resolved[identity] = null;
        }

        if (baseFile is not null)
        {
            baseService = (MappingNode)RelativePathResolver.ResolveService(baseService, Path.GetDirectoryName(baseFilePath)!);
        }

        var own = new MappingNode(service.Entries.Where(entry => entry.Key != "extends").ToArray(), service.Mark, service.Tag);
        var merged = TreeMerger.MergeService(baseService, own);
        return _resolved[identity] = new MappingNode(merged.Entries, service.Mark, service.Tag);
    }

    private bool TryReadReference(Node extendsNode, string path, out string serviceName, out string? file)
    {
        serviceName = string.Empty;
        file = null;
        switch (extendsNode)
        {
            case ScalarNode { IsNull: false } scalar:
                serviceName = scalar.Value;
                return true;
            case MappingNode mapping when mapping["service"] is ScalarNode { IsNull: false } service:
                serviceName = service.Value;
                if (mapping["file"] is ScalarNode { IsNull: false } fileNode)
                {
                    file = fileNode.Value;
                }

                return true;
            default:
                _diagnostics.Error(extendsNode.Mark, path, "extends needs a service name, as a string or as extends.service");
                return false;
        }
    }

    /// <summary>
    /// <c>extends.file</c> is relative to the file that wrote it; after several files are merged, the node's mark
    /// still names that file.
    /// </summary>
    private static string DeclaringDirectory(Node extendsNode, string filePath)
    {
        var declaringFile = Path.IsPathRooted(extendsNode.Mark.File) ? extendsNode.Mark.File : filePath;
        return Path.GetDirectoryName(declaringFile) ?? string.Empty;
    }
}
