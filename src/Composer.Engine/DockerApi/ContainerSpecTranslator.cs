// Docker.DotNet models declare their strings non-nullable, yet the engine API reads null as "not set".
#pragma warning disable CS8601, CS8625

using System.Globalization;
using Composer.Engine.Contracts;
using Composer.Model;
using Docker.DotNet.Models;

namespace Composer.Engine.DockerApi;

/// <summary>Model.Service (one container of it) to the engine's create-container body.</summary>
internal static class ContainerSpecTranslator
{
    public static ContainerSpec Translate(ContainerRequest request, EngineApiVersion apiVersion)
    {
        var service = request.Service;
        var (networking, extraNetworks) = NetworkAttachmentTranslator.Translate(request, apiVersion);
        var parameters = new CreateContainerParameters
        {
            Name = request.Name,
            Image = service.Image,
            Cmd = service.Command?.ToList(),
            Entrypoint = service.Entrypoint?.ToList(),
            Env = Environment(request.Project, service),
            WorkingDir = service.WorkingDir,
            User = service.User,
            Hostname = service.Hostname,
            Domainname = service.Domainname,
            Labels = Labels(request),
            ExposedPorts = PortTranslator.ExposedPorts(service),
            Tty = service.Tty ?? false,
            OpenStdin = service.StdinOpen ?? false,

            // run's one-off container gets end of input when the attached stdin closes (echo hi | composer run -T x cat).
            StdinOnce = request.OneOff && (service.StdinOpen ?? false),
            StopSignal = service.StopSignal,
            StopTimeout = service.StopGracePeriod,
            Healthcheck = Healthcheck(service.Healthcheck),
            Platform = service.Platform,
            Volumes = MountTranslator.AnonymousVolumes(service),
            HostConfig = HostConfigTranslator.Translate(request),
            NetworkingConfig = networking,
        };
        parameters.HostConfig.NetworkMode = NetworkAttachmentTranslator.NetworkMode(request, networking);
        return new ContainerSpec(parameters, extraNetworks, FileObjectTranslator.Files(request),
            NetworkAttachmentTranslator.ContainerMacAddress(service, apiVersion));
    }

    private static List<string> Environment(Project project, Service service)
    {
        var variables = new List<string>();
        foreach (var (name, value) in service.Environment.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            // A variable listed without a value is passed through from where composer runs, if it is set there.
            var resolved = value ?? (project.Environment.TryGetValue(name, out var fromProject) ? fromProject : System.Environment.GetEnvironmentVariable(name));
            if (resolved is not null)
            {
                variables.Add($"{name}={resolved}");
            }
        }

        return variables;
    }

    private static Dictionary<string, string> Labels(ContainerRequest request)
    {
        var service = request.Service;
        var labels = new Dictionary<string, string>(service.Labels, StringComparer.Ordinal)
        {
            [ComposeLabels.Project] = request.Project.Name,
            [ComposeLabels.Service] = service.Name,
            [ComposeLabels.ContainerNumber] = request.Number.ToString(CultureInfo.InvariantCulture),
            [ComposeLabels.ConfigHash] = request.ConfigHash,
            [ComposeLabels.OneOff] = request.OneOff ? "True" : "False",
            [ComposeLabels.WorkingDir] = request.Project.WorkingDirectory,
            [ComposeLabels.ConfigFiles] = string.Join(',', request.Project.ConfigFiles),
            [ComposeLabels.DependsOn] = string.Join(',', service.DependsOn
                .OrderBy(pair => pair.Key, StringComparer.Ordinal)
                .Select(pair => $"{pair.Key}:{pair.Value.Condition}:{(pair.Value.Restart ? "true" : "false")}")),
            [ComposeLabels.Image] = request.ImageId ?? service.Image ?? "",
            [ComposeLabels.Version] = ComposeLabels.ComposerVersion,
        };
        if (request.ConfigLabel is not null)
        {
            labels[ComposeLabels.ComposerConfig] = request.ConfigLabel;
        }

        return labels;
    }

    private static HealthcheckConfig? Healthcheck(Healthcheck? healthcheck)
    {
        if (healthcheck is null)
        {
            return null;
        }

        if (healthcheck.Disable)
        {
            return new HealthcheckConfig { Test = ["NONE"] };
        }

        return new HealthcheckConfig
        {
            Test = healthcheck.Test?.ToList(),
            Interval = healthcheck.Interval,
            Timeout = healthcheck.Timeout,
            StartPeriod = healthcheck.StartPeriod,
            StartInterval = healthcheck.StartInterval,
            Retries = healthcheck.Retries,
        };
    }
}
