using Composer.Loader.Diagnostics;
using Composer.Loader.Tree;
using Composer.Model;

namespace Composer.Loader.Consistency;

/// <summary>
/// Checks that what enabled services refer to exists: networks, named volumes, secrets, configs, services named by
/// depends_on and the other references of <see cref="ServiceReferences"/>; that depends_on has no cycle; that each
/// service has something to run (an image, a build or a provider); and that attributes that exclude each other are not
/// combined.
/// </summary>
internal static class ConsistencyChecker
{
    private const string DefaultNetwork = "default";

    public static void Check(Project project, MappingNode? root, DiagnosticBag diagnostics)
    {
        var knownServices = new HashSet<string>(project.Services.Keys.Concat(project.DisabledServices.Keys), StringComparer.Ordinal);
        foreach (var (name, service) in project.Services)
        {
            var reporter = new ServiceReporter(name, root, diagnostics);
            CheckNetworks(project, service, reporter);
            CheckVolumes(project, service, reporter);
            CheckFileReferences(service.Secrets, project.Secrets, "secrets", "secret", reporter);
            CheckFileReferences(service.Configs, project.Configs, "configs", "config", reporter);
            CheckServiceReferences(service, knownServices, reporter);
            CheckSomethingToRun(service, reporter);
            CheckPlatform(service, reporter);
            CheckExclusions(service, reporter);
            WatchRuleChecker.Check(service, reporter);
            ServiceRulesChecker.Check(project, service, root, reporter);
        }

        DependencyCycleFinder.Report(project, root, diagnostics);
    }

    private static void CheckNetworks(Project project, Service service, ServiceReporter reporter)
    {
        foreach (var network in service.Networks.Keys)
        {
            if (network != DefaultNetwork && !project.Networks.ContainsKey(network))
            {
                reporter.Error(["networks", network], $"service \"{reporter.ServiceName}\" refers to undefined network \"{network}\"");
            }
        }
    }

    private static void CheckVolumes(Project project, Service service, ServiceReporter reporter)
    {
        foreach (var volume in service.Volumes)
        {
            if (volume.Type == "volume" && !string.IsNullOrEmpty(volume.Source) && !project.Volumes.ContainsKey(volume.Source))
            {
                reporter.Error(["volumes"], $"service \"{reporter.ServiceName}\" refers to undefined volume \"{volume.Source}\"");
            }
        }
    }

    private static void CheckFileReferences(
        IReadOnlyList<FileReference> references, IReadOnlyDictionary<string, FileObject> defined, string attribute, string kind, ServiceReporter reporter)
    {
        foreach (var reference in references)
        {
            if (!defined.ContainsKey(reference.Source))
            {
                reporter.Error([attribute], $"service \"{reporter.ServiceName}\" refers to undefined {kind} \"{reference.Source}\"");
            }
        }
    }

    private static void CheckServiceReferences(Service service, HashSet<string> knownServices, ServiceReporter reporter)
    {
        foreach (var (dependencyName, dependency) in service.DependsOn)
        {
            if (knownServices.Contains(dependencyName))
            {
                continue;
            }

            var message = $"service \"{reporter.ServiceName}\" depends on undefined service \"{dependencyName}\"";
            if (dependency.Required)
            {
                reporter.Error(["depends_on", dependencyName], message);
            }
            else
            {
                reporter.Warning(["depends_on", dependencyName], message + " (not required: ignored)");
            }
        }

        foreach (var reference in service.References().Where(reference => reference.Implied && !knownServices.Contains(reference.Service)))
        {
            reporter.Error([reference.Attribute], $"service \"{reporter.ServiceName}\" {Verb(reference.Reason)} undefined service \"{reference.Service}\"");
        }
    }

    private static string Verb(ReferenceReason reason) => reason switch
    {
        ReferenceReason.Link => "links to",
        ReferenceReason.VolumesFrom => "takes volumes from",
        ReferenceReason.NetworkMode => "uses the network of",
        ReferenceReason.Ipc => "shares the ipc namespace of",
        ReferenceReason.Pid => "shares the pid namespace of",
        ReferenceReason.Uts => "shares the uts namespace of",
        ReferenceReason.Cgroup => "shares the cgroup namespace of",
        _ => "refers to",
    };

    private static void CheckSomethingToRun(Service service, ServiceReporter reporter)
    {
        // A provider service is run by an external tool, not from an image; the binder keeps it among Other.
        if (string.IsNullOrEmpty(service.Image) && service.Build is null && !service.Other.Values.ContainsKey("provider"))
        {
            reporter.Error([], $"service \"{reporter.ServiceName}\" has neither an image nor a build context: give it an image or a build");
        }
    }

    private static void CheckPlatform(Service service, ServiceReporter reporter)
    {
        // The image built for the service must exist for the platform its containers run on.
        if (service.Platform is { Length: > 0 } platform
            && service.Build is { Platforms.Count: > 0 } build
            && !build.Platforms.Contains(platform, StringComparer.Ordinal))
        {
            reporter.Error(
                ["platform"],
                $"service \"{reporter.ServiceName}\" runs on platform \"{platform}\", which its build.platforms ({string.Join(", ", build.Platforms)}) does not include");
        }
    }

    private static void CheckExclusions(Service service, ServiceReporter reporter)
    {
        if (service.Scale > 1 && service.ContainerName is not null)
        {
            reporter.Error(["container_name"], $"service \"{reporter.ServiceName}\" sets container_name \"{service.ContainerName}\" but runs {service.Scale} containers; a container name must be unique");
        }

        if (service.NetworkMode is not null && service.Networks.Count > 0)
        {
            reporter.Error(["network_mode"], $"service \"{reporter.ServiceName}\" sets both network_mode and networks; use one of them");
        }
    }
}
