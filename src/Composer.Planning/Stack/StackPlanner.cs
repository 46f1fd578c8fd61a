using Composer.Model;
using Composer.Model.Swarm;

namespace Composer.Planning.Stack;

/// <summary>
/// Compares a desired stack with what the swarm holds and lists the calls that make them agree, each with its cause.
/// Pure: the same inputs give the same plan text. An unchanged stack plans nothing; a changed service is updated
/// (the swarm rolls it by its update_config); a replica count alone is a scale; a secret or config whose content
/// changed gets a new object (named with a content hash) that its services switch to, and the old one is removed
/// once nothing uses it.
/// </summary>
public static class StackPlanner
{
    public static StackPlan Plan(DesiredStack desired, ObservedStack observed, StackDeployOptions options)
    {
        var builder = new List<StackOperation>();
        var warnings = new List<string>(desired.Warnings);
        int Add(StackOperation operation)
        {
            var id = builder.Count + 1;
            builder.Add(operation with { Id = id });
            return id;
        }

        var networkOps = PlanNetworks(desired, observed, Add);
        var (objectNames, objectOps) = PlanObjects(desired, observed, Add);

        var serviceOps = new Dictionary<string, int>(StringComparer.Ordinal);
        var desiredNames = new HashSet<string>(StringComparer.Ordinal);
        var finalSpecs = new List<SwarmServiceSpec>();
        foreach (var service in DependencyOrder(desired.Services))
        {
            var spec = WithObjectNames(service.Spec, objectNames);
            var hash = StackSpecHash.Of(spec);
            spec = spec with { Labels = SwarmMaps.Sorted(spec.Labels.Append(KeyValuePair.Create(StackLabels.ConfigHash, hash))) };
            desiredNames.Add(spec.Name);
            finalSpecs.Add(spec);
            var dependsOn = spec.Networks.Select(network => networkOps.GetValueOrDefault(network.Target))
                .Concat(spec.Container.Secrets.Select(reference => objectOps.GetValueOrDefault((SwarmObjectKind.Secret, reference.ObjectName))))
                .Concat(spec.Container.Configs.Select(reference => objectOps.GetValueOrDefault((SwarmObjectKind.Config, reference.ObjectName))))
                .Concat(service.DependsOn.Keys.Select(key => serviceOps.GetValueOrDefault(key)))
                .Where(id => id > 0).Distinct().ToList();
            var waitFor = options.Wait ? service.DependsOn : SwarmMaps.Empty<string>();
            var current = observed.Services.FirstOrDefault(existing => existing.Name == spec.Name);
            var operation = new StackOperation
            {
                Id = 0,
                Kind = StackOperationKind.CreateService,
                Target = spec.Name,
                Cause = "new service",
                Service = spec.Service,
                ServiceSpec = spec,
                WaitFor = waitFor,
                DependsOn = dependsOn,
            };
            if (current is null)
            {
                serviceOps[spec.Service] = Add(operation);
                continue;
            }

            if (current.Mode != spec.Mode)
            {
                // The swarm cannot change a service's mode in place.
                var removal = Add(operation with
                {
                    Kind = StackOperationKind.RemoveService,
                    Cause = $"mode {current.Mode} -> {spec.Mode} needs a new service",
                    ExistingId = current.Id,
                    ServiceSpec = null,
                    WaitFor = SwarmMaps.Empty<string>(),
                    DependsOn = [],
                });
                serviceOps[spec.Service] = Add(operation with { Cause = "replaces the service removed for its mode change", DependsOn = [.. dependsOn, removal] });
                continue;
            }

            var existing = operation with { ExistingId = current.Id, Version = current.Version };
            if (current.Labels.GetValueOrDefault(StackLabels.ConfigHash) != hash)
            {
                serviceOps[spec.Service] = Add(existing with { Kind = StackOperationKind.UpdateService, Cause = UpdateCause(current, spec) });
            }
            else if (current.Replicas != spec.Replicas)
            {
                serviceOps[spec.Service] = Add(existing with
                {
                    Kind = StackOperationKind.ScaleService,
                    Cause = $"replicas {current.Replicas} -> {spec.Replicas}",
                    WaitFor = SwarmMaps.Empty<string>(),
                });
            }
        }

        var kept = new List<SwarmServiceState>();
        foreach (var extra in observed.Services.Where(service => !desiredNames.Contains(service.Name)).OrderBy(service => service.Name, StringComparer.Ordinal))
        {
            if (options.Prune)
            {
                Add(new StackOperation
                {
                    Id = 0,
                    Kind = StackOperationKind.RemoveService,
                    Target = extra.Name,
                    Cause = "not in the compose file (--prune)",
                    ExistingId = extra.Id,
                });
            }
            else
            {
                kept.Add(extra);
                warnings.Add($"service {extra.Name} is not in the compose file; --prune removes it");
            }
        }

        PlanStaleObjects(desired, observed, objectNames, finalSpecs, kept, [.. builder.Where(IsServiceChange).Select(operation => operation.Id)], Add);
        return new StackPlan
        {
            Operations = builder,
            Warnings = warnings,
            Services = [.. finalSpecs.Select(spec => spec.Name)],
        };
    }

    private static bool IsServiceChange(StackOperation operation) =>
        operation.Kind is StackOperationKind.CreateService or StackOperationKind.UpdateService or StackOperationKind.RemoveService;

    private static Dictionary<string, int> PlanNetworks(DesiredStack desired, ObservedStack observed, Func<StackOperation, int> add)
    {
        var ops = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in desired.ExternalNetworks)
        {
            var existing = observed.Networks.FirstOrDefault(network => network.Name == name)
                ?? throw new PlanningException($"network {name} is declared as external, but could not be found; create it with docker network create --driver overlay --scope swarm {name}");
            if (existing.Scope != "swarm")
            {
                throw new PlanningException($"network {name} is declared as external, but it has {existing.Scope} scope; a stack needs a swarm-scoped network (driver overlay)");
            }
        }

        foreach (var network in desired.Networks)
        {
            var existing = observed.Networks.FirstOrDefault(candidate => candidate.Name == network.Name);
            if (existing is null)
            {
                ops[network.Name] = add(new StackOperation { Id = 0, Kind = StackOperationKind.CreateNetwork, Target = network.Name, Cause = "new network", NetworkSpec = network });
            }
            else if (existing.Scope != "swarm")
            {
                throw new PlanningException($"network {network.Name} exists with {existing.Scope} scope; remove it, or name another network, so the stack can create a swarm-scoped one");
            }
        }

        return ops;
    }

    private static (Dictionary<(SwarmObjectKind, string), string> Names, Dictionary<(SwarmObjectKind, string), int> Ops) PlanObjects(
        DesiredStack desired, ObservedStack observed, Func<StackOperation, int> add)
    {
        var names = new Dictionary<(SwarmObjectKind, string), string>();
        var ops = new Dictionary<(SwarmObjectKind, string), int>();
        foreach (var item in desired.Objects)
        {
            var noun = Noun(item.Kind);
            if (item.External)
            {
                if (!observed.Objects.Any(existing => existing.Kind == item.Kind && existing.Name == item.BaseName))
                {
                    throw new PlanningException($"{noun} {item.BaseName} is declared as external, but could not be found; create it with docker {noun} create");
                }

                names[(item.Kind, item.BaseName)] = item.BaseName;
                continue;
            }

            var versions = observed.Objects.Where(existing => existing.Kind == item.Kind
                && existing.Labels.GetValueOrDefault(StackLabels.Namespace) == desired.Name
                && (existing.Labels.GetValueOrDefault(StackLabels.ObjectKey) == item.Key || existing.Name == item.BaseName)).ToList();
            var same = versions.FirstOrDefault(existing => existing.Labels.GetValueOrDefault(StackLabels.ContentHash) == item.ContentHash);
            if (same is not null)
            {
                names[(item.Kind, item.BaseName)] = same.Name;
                continue;
            }

            var taken = observed.Objects.Any(existing => existing.Kind == item.Kind && existing.Name == item.BaseName);
            var name = taken ? $"{item.BaseName}-{item.ContentHash[..12]}" : item.BaseName;
            names[(item.Kind, item.BaseName)] = name;
            var cause = versions.Count == 0 ? $"new {noun}" : $"content changed, replaces {string.Join(", ", versions.Select(version => version.Name).Order(StringComparer.Ordinal))}";
            ops[(item.Kind, name)] = add(new StackOperation
            {
                Id = 0,
                Kind = item.Kind == SwarmObjectKind.Secret ? StackOperationKind.CreateSecret : StackOperationKind.CreateConfig,
                Target = name,
                Cause = cause,
                ObjectSpec = new SwarmObjectSpec { Kind = item.Kind, Name = name, Labels = item.Labels, Data = item.Data, TemplateDriver = item.TemplateDriver },
            });
        }

        return (names, ops);
    }

    /// <summary>Older versions of the stack's secrets and configs go once no service that stays refers to them.</summary>
    private static void PlanStaleObjects(DesiredStack desired, ObservedStack observed, Dictionary<(SwarmObjectKind, string), string> names,
        IReadOnlyList<SwarmServiceSpec> specs, IReadOnlyList<SwarmServiceState> kept, IReadOnlyList<int> serviceChanges, Func<StackOperation, int> add)
    {
        var inUse = new HashSet<(SwarmObjectKind, string)>();
        foreach (var spec in specs)
        {
            inUse.UnionWith(spec.Container.Secrets.Select(reference => (SwarmObjectKind.Secret, reference.ObjectName)));
            inUse.UnionWith(spec.Container.Configs.Select(reference => (SwarmObjectKind.Config, reference.ObjectName)));
        }

        foreach (var service in kept)
        {
            inUse.UnionWith(service.SecretNames.Select(name => (SwarmObjectKind.Secret, name)));
            inUse.UnionWith(service.ConfigNames.Select(name => (SwarmObjectKind.Config, name)));
        }

        var desiredKeys = desired.Objects.Where(item => !item.External).Select(item => (item.Kind, item.Key)).ToHashSet();
        foreach (var stale in observed.Objects
                     .Where(existing => existing.Labels.GetValueOrDefault(StackLabels.Namespace) == desired.Name
                         && existing.Labels.TryGetValue(StackLabels.ObjectKey, out var key) && desiredKeys.Contains((existing.Kind, key))
                         && !inUse.Contains((existing.Kind, existing.Name)) && !names.ContainsValue(existing.Name))
                     .OrderBy(existing => existing.Kind).ThenBy(existing => existing.Name, StringComparer.Ordinal))
        {
            add(new StackOperation
            {
                Id = 0,
                Kind = stale.Kind == SwarmObjectKind.Secret ? StackOperationKind.RemoveSecret : StackOperationKind.RemoveConfig,
                Target = stale.Name,
                Cause = $"older version of {Noun(stale.Kind)} {stale.Labels[StackLabels.ObjectKey]}, no longer used",
                ExistingId = stale.Id,
                DependsOn = serviceChanges,
            });
        }
    }

    private static string Noun(SwarmObjectKind kind) => kind == SwarmObjectKind.Secret ? "secret" : "config";

    private static SwarmServiceSpec WithObjectNames(SwarmServiceSpec spec, Dictionary<(SwarmObjectKind, string), string> names) => spec with
    {
        Container = spec.Container with
        {
            Secrets = [.. spec.Container.Secrets.Select(reference => reference with { ObjectName = names.GetValueOrDefault((SwarmObjectKind.Secret, reference.ObjectName), reference.ObjectName) })],
            Configs = [.. spec.Container.Configs.Select(reference => reference with { ObjectName = names.GetValueOrDefault((SwarmObjectKind.Config, reference.ObjectName), reference.ObjectName) })],
        },
    };

    private static string UpdateCause(SwarmServiceState current, SwarmServiceSpec spec)
    {
        if (!current.Labels.ContainsKey(StackLabels.ConfigHash))
        {
            return "deployed without Composer's config hash";
        }

        // The label holds the image as written; the spec may pin a digest (--resolve-image).
        var written = current.Labels.GetValueOrDefault(StackLabels.Image) ?? current.Image;
        var desiredWritten = spec.Labels.GetValueOrDefault(StackLabels.Image) ?? spec.Container.Image;
        if (written != desiredWritten)
        {
            return $"image {written} -> {desiredWritten}";
        }

        if (current.Image != spec.Container.Image)
        {
            return $"image {current.Image} -> {spec.Container.Image}";
        }

        var secrets = spec.Container.Secrets.Select(reference => reference.ObjectName).Order(StringComparer.Ordinal).ToList();
        var configs = spec.Container.Configs.Select(reference => reference.ObjectName).Order(StringComparer.Ordinal).ToList();
        if (!secrets.SequenceEqual(current.SecretNames.Order(StringComparer.Ordinal)))
        {
            return $"secrets {string.Join(",", current.SecretNames.Order(StringComparer.Ordinal))} -> {string.Join(",", secrets)}";
        }

        return !configs.SequenceEqual(current.ConfigNames.Order(StringComparer.Ordinal))
            ? $"configs {string.Join(",", current.ConfigNames.Order(StringComparer.Ordinal))} -> {string.Join(",", configs)}"
            : "service spec changed";
    }

    /// <summary>Dependencies before dependents, ties by name; the loader already refused cycles.</summary>
    private static IEnumerable<StackService> DependencyOrder(IReadOnlyList<StackService> services)
    {
        var byKey = services.ToDictionary(service => service.Spec.Service, StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<StackService>();
        void Visit(StackService service, HashSet<string> path)
        {
            if (done.Contains(service.Spec.Service) || !path.Add(service.Spec.Service))
            {
                return;
            }

            foreach (var dependency in service.DependsOn.Keys.Order(StringComparer.Ordinal))
            {
                if (byKey.TryGetValue(dependency, out var next))
                {
                    Visit(next, path);
                }
            }

            done.Add(service.Spec.Service);
            ordered.Add(service);
        }

        foreach (var service in services.OrderBy(service => service.Spec.Service, StringComparer.Ordinal))
        {
            Visit(service, []);
        }

        return ordered;
    }
}
