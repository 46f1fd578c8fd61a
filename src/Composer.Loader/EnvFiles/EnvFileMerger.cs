using Composer.Loader.Diagnostics;
using Composer.Loader.IO;
using Composer.Loader.Limits;
using Composer.Loader.Tree;
using Composer.Model;

namespace Composer.Loader.EnvFiles;

/// <summary>
/// Completes each service's environment from its <c>env_file</c> list, read in order (a later file wins), then the
/// service's own <c>environment</c> wins over them. A missing file is an error unless marked <c>required: false</c>.
/// </summary>
internal static class EnvFileMerger
{
    private const string RawFormat = "raw";

    /// <summary>
    /// Completes the enabled services only: a service left out by its profiles never runs, so its env files may be
    /// missing without failing the load. When the command names services, only those and what they depend on must
    /// have their env files; the others tolerate missing ones.
    /// </summary>
    public static Project Apply(Project project, IReadOnlyList<string> requestedServices, DiagnosticBag diagnostics)
    {
        var mustExist = ServicesInUse(project, requestedServices);
        var merged = new SortedDictionary<string, Service>(StringComparer.Ordinal);
        // Each file is read and parsed once however many services name it: its problems are reported once and its
        // values (up to the env file size limit each) are shared rather than copied per service.
        var parsedFiles = new Dictionary<(string Path, string? Format), IReadOnlyDictionary<string, string>>();
        foreach (var (name, service) in project.Services)
        {
            merged[name] = service.EnvFiles.Count == 0 ? service : Merge(service, project, mustExist.Contains(name), parsedFiles, diagnostics);
        }

        return project with { Services = merged };
    }

    private static HashSet<string> ServicesInUse(Project project, IReadOnlyList<string> requestedServices)
    {
        if (requestedServices.Count == 0)
        {
            return new HashSet<string>(project.Services.Keys, StringComparer.Ordinal);
        }

        var inUse = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(requestedServices);
        while (pending.TryPop(out var name))
        {
            if (inUse.Add(name) && project.Services.TryGetValue(name, out var service))
            {
                foreach (var dependency in service.DependsOn.Keys)
                {
                    pending.Push(dependency);
                }
            }
        }

        return inUse;
    }

    private static Service Merge(
        Service service,
        Project project,
        bool filesMustExist,
        Dictionary<(string Path, string? Format), IReadOnlyDictionary<string, string>> parsedFiles,
        DiagnosticBag diagnostics)
    {
        var environment = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        var path = TreePath.Child(TreePath.Child("services", service.Name), "env_file");
        foreach (var envFile in service.EnvFiles)
        {
            var filePath = Path.GetFullPath(envFile.Path, project.WorkingDirectory);
            if (!File.Exists(filePath))
            {
                if (envFile.Required && filesMustExist)
                {
                    diagnostics.Error(new Mark(filePath, 0, 0), path, $"env file {filePath} not found");
                }

                continue;
            }

            if (!parsedFiles.TryGetValue((filePath, envFile.Format), out var values))
            {
                var text = TextFileReader.Read(filePath, "env file", InputLimits.MaxEnvFileBytes, diagnostics) ?? string.Empty;
                values = envFile.Format == RawFormat
                    ? ParseRaw(text)
                    : DotEnvParser.Parse(text, filePath, name => project.Environment.GetValueOrDefault(name), diagnostics);
                parsedFiles[(filePath, envFile.Format)] = values;
            }

            foreach (var (key, value) in values)
            {
                environment[key] = value;
            }
        }

        foreach (var (key, value) in service.Environment)
        {
            // A bare name in `environment` asks for the caller's value; it does not erase one an env_file gave.
            if (value is not null || !environment.ContainsKey(key))
            {
                environment[key] = value;
            }
        }

        return service with { Environment = environment };
    }

    /// <summary>The raw format takes each <c>KEY=VALUE</c> line as written: no quotes, escapes or substitution.</summary>
    private static IReadOnlyDictionary<string, string> ParseRaw(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.TrimEnd('\r');
            if (trimmed.TrimStart().Length == 0 || trimmed.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var separator = trimmed.IndexOf('=');
            if (separator > 0)
            {
                values[trimmed[..separator].Trim()] = trimmed[(separator + 1)..];
            }
        }

        return values;
    }
}
