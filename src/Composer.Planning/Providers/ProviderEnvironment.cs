using Composer.Model;

namespace Composer.Planning.Providers;

/// <summary>
/// Gives each service the variables of the provider services it depends on, as docker compose does: a provider
/// "db" that said <c>setenv URL=x</c> gives its dependents <c>DB_URL=x</c> (the service name in upper case, then
/// <c>_</c>), over any value the file set; <c>rawsetenv KEY=x</c> gives <c>KEY=x</c> and warns when that replaces
/// a different value. The variables are then part of the dependents' configuration, and so of their config hash:
/// a provider that answers differently recreates them.
/// </summary>
public static class ProviderEnvironment
{
    public static (Project Project, IReadOnlyList<string> Warnings) Apply(Project project, IReadOnlyDictionary<string, ProviderVariables> byProvider)
    {
        var warnings = new List<string>();
        var services = new SortedDictionary<string, Service>(StringComparer.Ordinal);
        foreach (var (name, service) in project.Services)
        {
            var providers = service.DependsOn.Keys.Where(byProvider.ContainsKey).Order(StringComparer.Ordinal).ToList();
            if (providers.Count == 0)
            {
                services[name] = service;
                continue;
            }

            var environment = new SortedDictionary<string, string?>(service.Environment.ToDictionary(), StringComparer.Ordinal);
            foreach (var provider in providers)
            {
                var variables = byProvider[provider];
                var prefix = provider.ToUpperInvariant() + "_";
                foreach (var (key, value) in variables.Prefixed)
                {
                    environment[prefix + key] = value;
                }

                foreach (var (key, value) in variables.Raw)
                {
                    if (environment.TryGetValue(key, out var existing) && existing != value)
                    {
                        warnings.Add($"provider \"{provider}\" overrides environment variable \"{key}\" in service \"{name}\"");
                    }

                    environment[key] = value;
                }
            }

            services[name] = service with { Environment = environment };
        }

        return (project with { Services = services }, warnings);
    }
}
