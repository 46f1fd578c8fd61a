using Composer.Model;
using Composer.Planning.Hashing;
using Composer.Planning.Observed;
using Composer.Planning.Plans;
using Composer.Planning.Providers;

namespace Composer.Planning;

/// <summary>Turns "this project should run" into the operations that get the engine there from what it has now.</summary>
internal sealed class UpPlanner
{
    private readonly Project project;
    private readonly ObservedState observed;
    private readonly UpPlanOptions options;
    private readonly DependencyGraph graph;
    private readonly PlanBuilder plan = new();
    private readonly Dictionary<string, int> networkOperations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> volumeOperations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> startOperations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> waitOperations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> imageOperations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> providerOperations = new(StringComparer.Ordinal);
    private readonly HashSet<string> recreatedServices = new(StringComparer.Ordinal);

    // Containers removed because a network or volume they use is recreated, by container id: the operation that
    // removed them and the cause their new container gets.
    private readonly Dictionary<string, (int Removed, string Cause)> detachedContainers = new(StringComparer.Ordinal);

    public UpPlanner(Project project, ObservedState observed, UpPlanOptions options)
    {
        this.project = project;
        this.observed = observed;
        this.options = options;
        graph = DependencyGraph.FromServices(project.Services);
    }

    public Plan Build()
    {
        if (options.ForceRecreate && options.NoRecreate)
        {
            throw new PlanningException("--force-recreate and --no-recreate cannot be used together");
        }

        var selected = SelectServices();
        var (networks, volumes) = UsedResources();
        CheckExternalResources(networks, volumes);
        PlanImages();
        PlanNetworks(networks);
        PlanVolumes(volumes);

        // Whatever lost its container to a recreated network or volume gets a new one, selected or not.
        selected = new SortedSet<string>(selected.Concat(detachedContainers.Keys
            .Select(id => observed.Containers.First(container => container.Id == id).Service!)
            .Where(project.Services.ContainsKey)), StringComparer.Ordinal);
        // Provider services have no containers: a dry run shows their tool's run in its place in the order (see
        // UpPlanOptions.PlanProviders); a real up has run them before it plans.
        var providers = options.PlanProviders ? ProviderSteps.ToRun(project, selected) : new HashSet<string>(StringComparer.Ordinal);
        foreach (var serviceName in graph.StartOrder.Where(name => selected.Contains(name) || providers.Contains(name)))
        {
            if (!ServiceProvider.Is(project.Services[serviceName]))
            {
                PlanService(project.Services[serviceName], selected);
            }
            else if (providers.Contains(serviceName))
            {
                PlanProvider(project.Services[serviceName], selected);
            }
        }

        PlanOrphans();
        return plan.Build();
    }

    public IReadOnlyList<VolumeChange> ChangedVolumes() => VolumeChanges.Find(project, observed, UsedResources().Volumes);

    /// <summary>
    /// The network and volume keys up manages: those the selected services and their dependencies use, as docker
    /// compose keeps only those (every declared one with --all-resources).
    /// </summary>
    private (IReadOnlySet<string> Networks, IReadOnlySet<string> Volumes) UsedResources()
    {
        if (options.AllResources)
        {
            return (project.Networks.Keys.ToHashSet(StringComparer.Ordinal), project.Volumes.Keys.ToHashSet(StringComparer.Ordinal));
        }

        var services = (options.Services.Count == 0 ? project.Services.Keys : graph.WithDependencies(options.Services))
            .Select(name => project.Services[name])
            .Where(service => !ServiceProvider.Is(service))
            .ToList();
        return (ResourceUse.Networks(services), ResourceUse.Volumes(services));
    }

    // External resources are someone else's to create; without them every container create would fail.
    private void CheckExternalResources(IReadOnlySet<string> networks, IReadOnlySet<string> volumes)
    {
        foreach (var (key, network) in project.Networks.Where(pair => pair.Value.External && networks.Contains(pair.Key)))
        {
            if (!observed.HasNetwork(network.Name))
            {
                throw new PlanningException($"network \"{key}\" is declared as external, but network \"{network.Name}\" does not exist");
            }
        }

        foreach (var (key, volume) in project.Volumes.Where(pair => pair.Value.External && volumes.Contains(pair.Key)))
        {
            if (!observed.HasVolume(volume.Name))
            {
                throw new PlanningException($"volume \"{key}\" is declared as external, but volume \"{volume.Name}\" does not exist");
            }
        }
    }

    private IReadOnlySet<string> SelectServices()
    {
        foreach (var name in options.Services.Concat(options.Scale.Keys))
        {
            if (!project.Services.ContainsKey(name))
            {
                throw new PlanningException(project.DisabledServices.ContainsKey(name)
                    ? $"service \"{name}\" is not enabled by the active profiles"
                    : $"no such service: {name}");
            }
        }

        if (options.Services.Count == 0)
        {
            return new SortedSet<string>(project.Services.Keys, StringComparer.Ordinal);
        }

        return options.NoDeps
            ? new SortedSet<string>(options.Services, StringComparer.Ordinal)
            : graph.WithDependencies(options.Services);
    }

    private void PlanNetworks(IReadOnlySet<string> used)
    {
        foreach (var (key, network) in project.Networks.Where(pair => !pair.Value.External && used.Contains(pair.Key)))
        {
            var hash = NetworkConfigHash.Compute(network);
            var existing = observed.NetworkNamed(network.Name);

            // A network without the hash label was made by another tool or an older version: adopted as it is.
            if (existing is not null && (existing.ConfigHash is null || existing.ConfigHash == hash))
            {
                continue;
            }

            var after = Array.Empty<int>();
            if (existing is not null)
            {
                if (options.NoRecreate)
                {
                    plan.Warn($"network \"{network.Name}\" has been modified; --no-recreate leaves it as it is");
                    continue;
                }

                plan.Warn($"network \"{network.Name}\" has been modified, recreating it");
                after = [plan.Add(new Operation
                {
                    Id = 0, Kind = OperationKind.RemoveNetwork, Target = network.Name, DependsOn = DetachFrom(key, network),
                    Cause = $"network {network.Name} settings changed",
                })];
            }

            networkOperations[key] = plan.Add(new Operation
            {
                Id = 0, Kind = OperationKind.CreateNetwork, Target = network.Name, ResourceKey = key, ConfigHash = hash, DependsOn = after,
                Cause = existing is null ? "missing" : "settings changed",
            });
        }
    }

    // The engine removes a network only once no running container is on it. The project's own containers go (they
    // are recreated on the new network); running containers up does not manage would be cut off, so they stop the plan.
    private int[] DetachFrom(string key, Network network)
    {
        var attached = observed.Containers
            .Where(container => container.Networks.Contains(network.Name)
                || (Managed(container) && NetworkKeys(project.Services[container.Service!]).Contains(key)))
            .OrderBy(container => container.Name, StringComparer.Ordinal)
            .ToList();
        var blocking = attached
            .Where(container => !Managed(container) && container.IsRunning && !(options.RemoveOrphans && IsOrphan(container)))
            .Select(container => container.Name)
            .ToList();
        if (blocking.Count > 0)
        {
            throw new PlanningException($"network \"{network.Name}\" has been modified and must be recreated, but containers "
                + $"({string.Join(", ", blocking)}) that up does not manage are running on it; stop them first (--remove-orphans removes orphans)");
        }

        var removals = new List<int>();
        foreach (var container in attached.Where(container => Managed(container) || (options.RemoveOrphans && IsOrphan(container))))
        {
            var timeout = Managed(container) ? Timeout(project.Services[container.Service!]) : options.Timeout;
            removals.Add(Detach(container, timeout, $"network {network.Name} settings changed", "its network was recreated"));
        }

        return [.. removals];
    }

    // Stops and removes a container once, however many of its networks and volumes are recreated.
    private int Detach(ObservedContainer container, TimeSpan? timeout, string cause, string recreateCause)
    {
        if (!detachedContainers.TryGetValue(container.Id, out var detached))
        {
            detached = (StopAndRemove(container, timeout, [], cause: cause), recreateCause);
            detachedContainers[container.Id] = detached;
        }

        return detached.Removed;
    }

    private bool Managed(ObservedContainer container) =>
        !container.IsOneOff && container.Service is { } service && project.Services.ContainsKey(service);

    private bool IsOrphan(ObservedContainer container) =>
        container.Service is { } service && !project.Services.ContainsKey(service) && !project.DisabledServices.ContainsKey(service);

    private static IEnumerable<string> NetworkKeys(Service service) => ResourceUse.NetworkKeys(service);

    private void PlanVolumes(IReadOnlySet<string> used)
    {
        var changes = VolumeChanges.Find(project, observed, used).ToDictionary(change => change.Key, StringComparer.Ordinal);
        foreach (var (key, volume) in project.Volumes.Where(pair => !pair.Value.External && used.Contains(pair.Key)))
        {
            var after = Array.Empty<int>();
            if (changes.TryGetValue(key, out var change))
            {
                if (!options.RecreateVolumes.Contains(key) || options.NoRecreate)
                {
                    // docker compose asks (its default answer is no); without a yes the volume and its data stay.
                    plan.Warn($"volume \"{volume.Name}\" exists but doesn't match configuration in compose file ({change.Change}); "
                        + (options.NoRecreate ? "--no-recreate keeps it as it is" : "kept as it is, recreate it with --yes (data will be lost)"));
                    continue;
                }

                plan.Warn($"volume \"{volume.Name}\" doesn't match configuration in compose file ({change.Change}), recreating it (data will be lost)");
                var cause = $"volume {volume.Name} changed: {change.Change}";
                after = [plan.Add(new Operation
                {
                    Id = 0, Kind = OperationKind.RemoveVolume, Target = volume.Name, DependsOn = DetachFrom(key), Cause = cause,
                })];
            }
            else if (observed.HasVolume(volume.Name))
            {
                continue;
            }

            volumeOperations[key] = plan.Add(new Operation
            {
                Id = 0, Kind = OperationKind.CreateVolume, Target = volume.Name, ResourceKey = key,
                ConfigHash = VolumeConfigHash.Compute(volume), DependsOn = after, Cause = after.Length == 0 ? "missing" : change!.Change,
            });
        }
    }

    // The engine removes a volume only once no container (running or not) mounts it: the project's containers whose
    // service mounts it go first, and are created again on the new volume.
    private int[] DetachFrom(string volumeKey) =>
        [.. observed.Containers
            .Where(container => Managed(container) && ResourceUse.VolumeKeys(project.Services[container.Service!]).Contains(volumeKey))
            .OrderBy(container => container.Name, StringComparer.Ordinal)
            .Select(container => Detach(container, Timeout(project.Services[container.Service!]),
                $"volume {project.Volumes[volumeKey].Name} changed", "its volume was recreated"))];

    private void PlanService(Service service, IReadOnlySet<string> selected)
    {
        var desiredCount = DesiredCount(service);
        var canonical = ConfigHash.CanonicalText(project, service);
        var hash = Fingerprint.Of(canonical);
        var configLabel = ConfigLabel.Encode(canonical);
        var imageId = options.ImageIds.GetValueOrDefault(service.Name);
        var existing = observed.ContainersOf(service.Name);
        var kept = existing.Take(desiredCount).ToList();
        var surplus = existing.Skip(desiredCount).Reverse().ToList();
        var createPrerequisites = CreatePrerequisites(service);
        var starts = new List<int>();
        var pendingStarts = new List<(string Name, int[] After, string Cause)>();

        var scaleCause = $"scale {existing.Count} -> {desiredCount}";
        foreach (var container in surplus.Where(container => !detachedContainers.ContainsKey(container.Id)))
        {
            StopAndRemove(container, Timeout(service), [], cause: scaleCause);
        }

        foreach (var container in kept)
        {
            if (detachedContainers.TryGetValue(container.Id, out var detached))
            {
                // Its network or volume was recreated: a new container under the same name uses the new one.
                var name = ComposeNames.Container(project, service, container.Number);
                pendingStarts.Add((name, [plan.Add(new Operation
                {
                    Id = 0, Kind = OperationKind.CreateContainer, Target = name, Service = service.Name,
                    Number = container.Number, ConfigHash = hash, ConfigLabel = configLabel, ImageId = imageId, DependsOn = [.. createPrerequisites, detached.Removed],
                    Cause = detached.Cause,
                })], detached.Cause));
                recreatedServices.Add(service.Name);
                continue;
            }

            var imageRebuilt = imageId is not null && container.Labels.GetValueOrDefault(ComposeLabels.Image) != imageId;
            var changed = container.ConfigHash != hash || imageRebuilt;
            var sharedRecreated = SharedContainerRecreated(service);
            var recreate = !options.NoRecreate
                && (options.ForceRecreate || changed || options.ForceRecreateServices.Contains(service.Name) || sharedRecreated is not null);
            if (recreate)
            {
                var cause = !changed && sharedRecreated is not null ? sharedRecreated : RecreateCause(container, canonical, hash, imageRebuilt);
                var finalName = ComposeNames.Container(project, service, container.Number);
                var temporaryName = ComposeNames.Temporary(container.Id, finalName);
                var create = plan.Add(new Operation
                {
                    Id = 0, Kind = OperationKind.CreateContainer, Target = temporaryName, Service = service.Name,
                    Number = container.Number, ConfigHash = hash, ConfigLabel = configLabel, ImageId = imageId, DependsOn = createPrerequisites,
                    RecreateOf = finalName, Cause = cause,
                });
                var removed = StopAndRemove(container, Timeout(service), [create], recreateOf: finalName, cause: cause);
                var rename = plan.Add(new Operation
                {
                    Id = 0, Kind = OperationKind.RenameContainer, Target = temporaryName, NewName = finalName,
                    Service = service.Name, DependsOn = [removed], RecreateOf = finalName, Cause = cause,
                });
                pendingStarts.Add((finalName, [rename], cause));
                recreatedServices.Add(service.Name);
            }
            else if (!container.IsRunning)
            {
                pendingStarts.Add((container.Name, [], "not running"));
            }
            else if (!options.NoStart && RecreatedDependenciesToFollow(service) is { Count: > 0 } dependencies)
            {
                // depends_on.restart: a dependent that keeps its container still restarts after its dependency changed.
                var stop = plan.Add(new Operation
                {
                    Id = 0, Kind = OperationKind.StopContainer, Target = container.Name, ContainerId = container.Id,
                    Service = service.Name, Timeout = Timeout(service),
                    DependsOn = [.. dependencies.SelectMany(dependency => startOperations.GetValueOrDefault(dependency) ?? [])],
                    Cause = $"depends_on.restart: {string.Join(", ", dependencies)} recreated",
                });
                pendingStarts.Add((container.Name, [stop], $"depends_on.restart: {string.Join(", ", dependencies)} recreated"));
            }
        }

        var nextNumber = existing.Count == 0 ? 1 : existing.Max(container => container.Number) + 1;
        for (var missing = desiredCount - kept.Count; missing > 0; missing--, nextNumber++)
        {
            var name = ComposeNames.Container(project, service, nextNumber);
            var create = plan.Add(new Operation
            {
                Id = 0, Kind = OperationKind.CreateContainer, Target = name, Service = service.Name,
                Number = nextNumber, ConfigHash = hash, ConfigLabel = configLabel, ImageId = imageId, DependsOn = createPrerequisites,
                Cause = scaleCause,
            });
            pendingStarts.Add((name, [create], scaleCause));
        }

        if (options.NoStart || pendingStarts.Count == 0)
        {
            return;
        }

        var waits = PlanWaits(service, selected);
        foreach (var (name, after, cause) in pendingStarts)
        {
            starts.Add(plan.Add(new Operation
            {
                Id = 0, Kind = OperationKind.StartContainer, Target = name, Service = service.Name,
                DependsOn = [.. after, .. waits], Cause = cause,
            }));
        }

        startOperations[service.Name] = starts;
    }

    // A container made against another service's container (network_mode, ipc or pid of service:x, volumes_from x)
    // holds that container's id: once x's container is replaced, the namespace it joined is gone (and a stop of x
    // stopped it), so it is replaced too, as docker compose does by hashing the resolved container id.
    private string? SharedContainerRecreated(Service service)
    {
        var causes = service.References()
            .Where(reference => reference.SharesContainer && recreatedServices.Contains(reference.Service))
            .Select(reference => reference.Reason == ReferenceReason.VolumesFrom
                ? $"volumes_from: {reference.Service} recreated"
                : $"{reference.Attribute}: service:{reference.Service} recreated")
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return causes.Count == 0 ? null : string.Join(", ", causes);
    }

    private List<string> RecreatedDependenciesToFollow(Service service) =>
        [.. service.DependsOn.Where(pair => pair.Value.Restart && recreatedServices.Contains(pair.Key)).Select(pair => pair.Key).Order(StringComparer.Ordinal)];

    private int DesiredCount(Service service)
    {
        var count = options.Scale.TryGetValue(service.Name, out var overridden)
            ? overridden
            : service.Scale ?? service.Deploy?.Replicas ?? 1;
        if (count < 0)
        {
            throw new PlanningException($"service \"{service.Name}\": scale must not be negative");
        }

        if (count > 1 && service.ContainerName is not null)
        {
            throw new PlanningException(
                $"service \"{service.Name}\" sets container_name \"{service.ContainerName}\" and so cannot run {count} containers");
        }

        return count;
    }

    // One pull or build per image, before any container that runs it.
    private void PlanImages()
    {
        var byImage = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var step in options.ImageSteps)
        {
            if (!byImage.TryGetValue(step.Image, out var operation))
            {
                operation = plan.Add(new Operation
                {
                    Id = 0, Kind = step.Build ? OperationKind.BuildImage : OperationKind.PullImage, Target = step.Image, Service = step.Service,
                });
                byImage[step.Image] = operation;
            }

            imageOperations[step.Service] = operation;
        }
    }

    // After the providers and the containers it depends on (waiting for their condition); a dry run cannot know
    // what the tool will say, so the dependents are planned without its variables.
    private void PlanProvider(Service service, IReadOnlySet<string> selected)
    {
        if (ProviderSteps.AddOne(plan, project, graph, service, providerOperations, PlanWaits(service, selected)) is not { } id)
        {
            return;
        }

        providerOperations[service.Name] = id;
        var dependents = project.Services.Values
            .Where(other => other.DependsOn.ContainsKey(service.Name) && selected.Contains(other.Name))
            .Select(other => other.Name)
            .ToList();
        if (dependents.Count > 0)
        {
            plan.Warn($"provider service \"{service.Name}\" does not run in a dry run: {string.Join(", ", dependents)} planned without the variables it would set");
        }
    }

    private int[] CreatePrerequisites(Service service)
    {
        var prerequisites = new List<int>(service.DependsOn.Keys.Where(providerOperations.ContainsKey).Select(name => providerOperations[name]));
        if (imageOperations.TryGetValue(service.Name, out var image))
        {
            prerequisites.Add(image);
        }

        foreach (var key in NetworkKeys(service))
        {
            if (networkOperations.TryGetValue(key, out var operation))
            {
                prerequisites.Add(operation);
            }
        }

        foreach (var volume in service.Volumes)
        {
            if (volume.Type == "volume" && volume.Source is not null && volumeOperations.TryGetValue(volume.Source, out var operation))
            {
                prerequisites.Add(operation);
            }
        }

        // Sharing another service's namespaces or volumes needs that service's container to be up first.
        var sharedFrom = service.SharedContainerServices();
        foreach (var other in sharedFrom)
        {
            if (startOperations.TryGetValue(other, out var starts))
            {
                prerequisites.AddRange(starts);
            }
        }

        return [.. prerequisites];
    }

    private int[] PlanWaits(Service service, IReadOnlySet<string> selected)
    {
        var waits = new List<int>();
        foreach (var (dependencyName, dependency) in service.DependsOn.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            // Nothing to wait for on a provider service: its tool has finished before any container is made.
            if (!project.Services.TryGetValue(dependencyName, out var dependencyService) || ServiceProvider.Is(dependencyService)
                || (options.NoDeps && !selected.Contains(dependencyName)))
            {
                continue;
            }

            var key = $"{dependencyName}\n{dependency.Condition}\n{dependency.Required}";
            if (!waitOperations.TryGetValue(key, out var wait))
            {
                wait = plan.Add(new Operation
                {
                    Id = 0, Kind = OperationKind.WaitForDependency, Target = dependencyName, Service = dependencyName,
                    Condition = dependency.Condition, Required = dependency.Required,
                    DependsOn = startOperations.GetValueOrDefault(dependencyName) ?? [],
                });
                waitOperations[key] = wait;
            }

            waits.Add(wait);
        }

        return [.. waits];
    }

    private void PlanOrphans()
    {
        if (options.IgnoreOrphans && !options.RemoveOrphans)
        {
            return;
        }

        var orphans = observed.Containers
            .Where(container => IsOrphan(container) && !detachedContainers.ContainsKey(container.Id))
            .OrderBy(container => container.Name, StringComparer.Ordinal)
            .ToList();
        if (orphans.Count == 0)
        {
            return;
        }

        if (!options.RemoveOrphans)
        {
            plan.Warn($"found orphan containers ({string.Join(", ", orphans.Select(container => container.Name))}) "
                + "for this project; remove them with --remove-orphans");
            return;
        }

        foreach (var orphan in orphans)
        {
            StopAndRemove(orphan, options.Timeout, [], cause: "orphan (--remove-orphans)");
        }
    }

    // The canonical form the container was made from (Composer's own label) against the new one: the first changed
    // paths; without the label (an older Composer, docker compose) only that something changed.
    private string RecreateCause(ObservedContainer container, string canonical, string hash, bool imageRebuilt)
    {
        if (container.ConfigHash == hash)
        {
            return imageRebuilt ? "image rebuilt" : "--force-recreate";
        }

        var diff = ConfigLabel.Decode(container.Labels.GetValueOrDefault(ComposeLabels.ComposerConfig)) is { } old
            ? ConfigDiff.Describe(old, canonical)
            : null;
        var described = diff ?? "configuration changed";
        return imageRebuilt ? described + ", image rebuilt" : described;
    }

    private int StopAndRemove(ObservedContainer container, TimeSpan? timeout, int[] after, string? recreateOf = null, string? cause = null)
    {
        var removeAfter = after;
        if (container.IsRunning)
        {
            removeAfter = [plan.Add(new Operation
            {
                Id = 0, Kind = OperationKind.StopContainer, Target = container.Name, ContainerId = container.Id,
                Service = container.Service,
                Timeout = timeout, DependsOn = after, RecreateOf = recreateOf, Cause = cause,
            })];
        }

        return plan.Add(new Operation
        {
            Id = 0, Kind = OperationKind.RemoveContainer, Target = container.Name, ContainerId = container.Id,
            Service = container.Service,
            DependsOn = removeAfter, RecreateOf = recreateOf, Cause = cause,
        });
    }

    private TimeSpan? Timeout(Service service) => options.Timeout ?? service.StopGracePeriod;
}
