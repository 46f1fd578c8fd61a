using Composer.Loader.Diagnostics;
using Composer.Loader.Tree;
using Composer.Model;

namespace Composer.Loader.Profiles;

/// <summary>
/// Splits services into enabled and disabled ones. A service without profiles is always enabled; one with profiles
/// is enabled when one of them is active (<c>--profile</c> or COMPOSE_PROFILES, <c>*</c> activating all) or when it is
/// named on the command line. Naming a service also brings in the dependencies it shares a profile with (Compose's
/// "auto-starting profiles and dependency resolution"): <c>run db-migrations</c> starts its <c>tools</c>-profile
/// database too. A dependency gated behind another, inactive profile stays disabled, and an enabled service may not
/// require a disabled one.
/// </summary>
internal static class ProfileFilter
{
    private const string AllProfiles = "*";

    public static Project Apply(
        Project project,
        IReadOnlyList<string> activeProfiles,
        IReadOnlyList<string> requestedServices,
        MappingNode? root,
        DiagnosticBag diagnostics)
    {
        var all = new SortedDictionary<string, Service>(StringComparer.Ordinal);
        foreach (var (name, service) in project.DisabledServices.Concat(project.Services))
        {
            all[name] = service;
        }

        foreach (var requested in requestedServices.Where(requested => !all.ContainsKey(requested)).Distinct())
        {
            diagnostics.Error(Mark.None, string.Empty, $"no such service: {requested}");
        }

        var enabled = new SortedDictionary<string, Service>(StringComparer.Ordinal);
        var disabled = new SortedDictionary<string, Service>(StringComparer.Ordinal);
        foreach (var (name, service) in all)
        {
            var isEnabled = service.Profiles.Count == 0
                || activeProfiles.Contains(AllProfiles)
                || service.Profiles.Any(activeProfiles.Contains)
                || requestedServices.Contains(name);
            (isEnabled ? enabled : disabled)[name] = service;
        }

        EnableDependenciesSharingARequestedProfile(requestedServices, all, enabled, disabled);
        ReportDisabledDependencies(enabled, disabled, root, diagnostics);

        return project with { Services = enabled, DisabledServices = disabled };
    }

    /// <summary>
    /// The profiles of the named services count as active for what the enabled services depend on, and only for that:
    /// other services of those profiles stay disabled, as Compose starts only the named services and their dependencies.
    /// </summary>
    private static void EnableDependenciesSharingARequestedProfile(
        IReadOnlyList<string> requestedServices,
        SortedDictionary<string, Service> all,
        SortedDictionary<string, Service> enabled,
        SortedDictionary<string, Service> disabled)
    {
        var impliedProfiles = requestedServices
            .Where(all.ContainsKey)
            .SelectMany(name => all[name].Profiles)
            .ToHashSet(StringComparer.Ordinal);
        if (impliedProfiles.Count == 0)
        {
            return;
        }

        var pending = new Stack<Service>(enabled.Values);
        while (pending.TryPop(out var service))
        {
            foreach (var dependencyName in service.DependsOn.Keys)
            {
                if (disabled.TryGetValue(dependencyName, out var dependency) && dependency.Profiles.Any(impliedProfiles.Contains))
                {
                    disabled.Remove(dependencyName);
                    enabled[dependencyName] = dependency;
                    pending.Push(dependency);
                }
            }
        }
    }

    private static void ReportDisabledDependencies(
        SortedDictionary<string, Service> enabled, SortedDictionary<string, Service> disabled, MappingNode? root, DiagnosticBag diagnostics)
    {
        foreach (var (name, service) in enabled)
        {
            foreach (var (dependencyName, dependency) in service.DependsOn)
            {
                if (dependency.Required && disabled.TryGetValue(dependencyName, out var disabledDependency))
                {
                    diagnostics.Error(
                        TreeLocator.Find(root, "services", name, "depends_on", dependencyName),
                        $"services.{name}.depends_on",
                        $"service \"{name}\" depends on \"{dependencyName}\", which is disabled: enable one of its profiles ({string.Join(", ", disabledDependency.Profiles)})");
                }
            }
        }
    }
}
