using Composer.Loader.Tree;
using Composer.Model;

namespace Composer.Loader.Consistency;

/// <summary>
/// The rules compose-go checks that a schema cannot: values given twice that disagree, healthcheck tests without a
/// known form, mutually exclusive build attributes, a mount target used twice, build secrets, additional contexts and
/// models that name nothing, and a negative scale.
/// </summary>
internal static class ServiceRulesChecker
{
    public static void Check(Project project, Service service, MappingNode? root, ServiceReporter reporter)
    {
        CheckResources(service, reporter);
        CheckHealthcheck(service, reporter);
        CheckBuild(project, service, reporter);
        CheckMountTargets(service, reporter);
        CheckModels(service, root, reporter);
        CheckScale(service, reporter);
    }

    private static void CheckResources(Service service, ServiceReporter reporter)
    {
        var limits = service.Deploy?.Limits;
        var reservations = service.Deploy?.Reservations;
        Disagree(reporter, "mem_limit", service.MemLimit, "deploy.resources.limits.memory", limits?.Memory);
        Disagree(reporter, "mem_reservation", service.MemReservation, "deploy.resources.reservations.memory", reservations?.Memory);
        Disagree(reporter, "pids_limit", service.PidsLimit, "deploy.resources.limits.pids", limits?.Pids);
        if (service.Cpus is { } cpus && limits?.Cpus is { } limit && Math.Abs(cpus - limit) > 1e-9)
        {
            reporter.ErrorAt(["cpus"], $"services.{reporter.ServiceName}.cpus",
                $"service \"{reporter.ServiceName}\": cpus ({cpus}) and deploy.resources.limits.cpus ({limit}) disagree; set one of them");
        }
    }

    private static void Disagree(ServiceReporter reporter, string attribute, long? value, string deployPath, long? deployValue)
    {
        if (value is { } given && deployValue is { } other && given != other)
        {
            reporter.ErrorAt([attribute], $"services.{reporter.ServiceName}.{attribute}",
                $"service \"{reporter.ServiceName}\": {attribute} ({given}) and {deployPath} ({other}) disagree; set one of them");
        }
    }

    private static void CheckHealthcheck(Service service, ServiceReporter reporter)
    {
        if (service.Healthcheck?.Test is [var first, ..] && first is not ("CMD" or "CMD-SHELL" or "NONE"))
        {
            reporter.ErrorAt(["healthcheck", "test"], $"services.{reporter.ServiceName}.healthcheck.test",
                $"service \"{reporter.ServiceName}\": healthcheck.test must start with CMD, CMD-SHELL or NONE, not \"{first}\"");
        }
    }

    private static void CheckBuild(Project project, Service service, ServiceReporter reporter)
    {
        if (service.Build is not { } build)
        {
            return;
        }

        var at = $"services.{reporter.ServiceName}.build";
        if (build.Dockerfile is not null && build.DockerfileInline is not null)
        {
            reporter.ErrorAt(["build", "dockerfile_inline"], at + ".dockerfile_inline",
                $"service \"{reporter.ServiceName}\": build sets both dockerfile and dockerfile_inline; use one of them");
        }

        foreach (var secret in GenericSources(build.Other.Values.GetValueOrDefault("secrets")))
        {
            if (!project.Secrets.ContainsKey(secret))
            {
                reporter.ErrorAt(["build", "secrets"], at + ".secrets",
                    $"service \"{reporter.ServiceName}\": build refers to undefined secret \"{secret}\"");
            }
        }

        foreach (var (name, value) in GenericMap(build.Other.Values.GetValueOrDefault("additional_contexts")))
        {
            const string servicePrefix = "service:";
            if (value is not null && value.StartsWith(servicePrefix, StringComparison.Ordinal))
            {
                var target = value[servicePrefix.Length..];
                var problem = !project.Services.TryGetValue(target, out var other) ? "names no service"
                    : other.Build is null ? "names a service without a build section"
                    : null;
                if (problem is not null)
                {
                    reporter.ErrorAt(["build", "additional_contexts", name], $"{at}.additional_contexts.{name}",
                        $"service \"{reporter.ServiceName}\": additional context \"{name}\" ({value}) {problem}");
                }
            }
        }
    }

    private static void CheckMountTargets(Service service, ServiceReporter reporter)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var mounts = service.Volumes.Select((volume, index) => (volume.Target, Where: $"volumes[{index}]", Key: "volumes"))
            .Concat(service.Tmpfs.Select((tmpfs, index) => (Target: tmpfs.Split(':')[0], Where: $"tmpfs[{index}]", Key: "tmpfs")));
        foreach (var (target, where, key) in mounts)
        {
            var clean = target.Length > 1 ? target.TrimEnd('/') : target;
            if (!seen.TryAdd(clean, where))
            {
                reporter.ErrorAt([key], $"services.{reporter.ServiceName}.{where}",
                    $"service \"{reporter.ServiceName}\": target {clean} is mounted twice ({seen[clean]} and {where})");
            }
        }
    }

    private static void CheckModels(Service service, MappingNode? root, ServiceReporter reporter)
    {
        var used = service.Other.Values.GetValueOrDefault("models") switch
        {
            IReadOnlyDictionary<string, object?> map => map.Keys,
            IEnumerable<object?> list => list.OfType<string>(),
            _ => [],
        };
        var defined = root?["models"] as MappingNode;
        foreach (var model in used)
        {
            if (defined is null || !defined.ContainsKey(model))
            {
                reporter.ErrorAt(["models"], $"services.{reporter.ServiceName}.models",
                    $"service \"{reporter.ServiceName}\" refers to undefined model \"{model}\"");
            }
        }
    }

    private static void CheckScale(Service service, ServiceReporter reporter)
    {
        if (service.Scale is < 0)
        {
            reporter.ErrorAt(["scale"], $"services.{reporter.ServiceName}.scale",
                $"service \"{reporter.ServiceName}\": scale must be 0 or more, not {service.Scale}");
        }
        else if (service.Deploy?.Replicas is < 0)
        {
            reporter.ErrorAt(["deploy", "replicas"], $"services.{reporter.ServiceName}.deploy.replicas",
                $"service \"{reporter.ServiceName}\": deploy.replicas must be 0 or more, not {service.Deploy.Replicas}");
        }
    }

    // Build secrets: short syntax (names) or long syntax (mappings with source).
    private static IEnumerable<string> GenericSources(object? value) => value is IEnumerable<object?> items
        ? items.Select(item => item switch
        {
            string name => name,
            IReadOnlyDictionary<string, object?> map => map.GetValueOrDefault("source") as string,
            _ => null,
        }).OfType<string>()
        : [];

    // additional_contexts: a mapping, or a list of name=value.
    private static IEnumerable<(string Name, string? Value)> GenericMap(object? value) => value switch
    {
        IReadOnlyDictionary<string, object?> map => map.Select(pair => (pair.Key, pair.Value as string)),
        IEnumerable<object?> items => items.OfType<string>().Select(item => item.Split('=', 2) is [var name, var text] ? (name, (string?)text) : (item, null)),
        _ => [],
    };
}
