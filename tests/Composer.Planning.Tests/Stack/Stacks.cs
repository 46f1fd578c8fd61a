using System.Text;
using Composer.Model;
using Composer.Model.Swarm;
using Composer.Planning.Stack;

namespace Composer.Planning.Tests.Stack;

/// <summary>Projects for the stack planner tests, and the swarm as it would look after a plan ran.</summary>
internal static class Stacks
{
    public static readonly IReadOnlyDictionary<(SwarmObjectKind, string), ReadOnlyMemory<byte>> NoContents =
        new Dictionary<(SwarmObjectKind, string), ReadOnlyMemory<byte>>();

    public static Service Service(string name, params string[] dependsOn) => new()
    {
        Name = name,
        Image = "busybox:local",
        DependsOn = new SortedDictionary<string, ServiceDependency>(
            dependsOn.ToDictionary(dependency => dependency, _ => new ServiceDependency { Condition = ServiceDependency.Healthy }), StringComparer.Ordinal),
    };

    public static Project Project(string name, params Service[] services) => new()
    {
        Name = name,
        WorkingDirectory = "/srv/" + name,
        Services = new SortedDictionary<string, Service>(services.ToDictionary(service => service.Name), StringComparer.Ordinal),
        Networks = new SortedDictionary<string, Network>(StringComparer.Ordinal) { ["default"] = new() { Name = name + "_default" } },
    };

    public static IReadOnlyDictionary<(SwarmObjectKind, string), ReadOnlyMemory<byte>> Contents(params (SwarmObjectKind Kind, string Key, string Text)[] items) =>
        items.ToDictionary(item => (item.Kind, item.Key), item => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(item.Text));

    public static StackPlan Plan(Project project, ObservedStack observed, bool prune = false,
        IReadOnlyDictionary<(SwarmObjectKind, string), ReadOnlyMemory<byte>>? contents = null) =>
        StackPlanner.Plan(StackTranslator.Translate(project, contents ?? NoContents), observed, new StackDeployOptions { Prune = prune });

    /// <summary>What the swarm holds once <paramref name="plan"/> ran on top of <paramref name="before"/> (removals applied too).</summary>
    public static ObservedStack After(StackPlan plan, ObservedStack before)
    {
        var services = before.Services.ToList();
        var networks = before.Networks.ToList();
        var objects = before.Objects.ToList();
        foreach (var operation in plan.Operations)
        {
            switch (operation.Kind)
            {
                case StackOperationKind.CreateNetwork:
                    networks.Add(new SwarmNetworkState("net-" + operation.Target, operation.Target, "overlay", "swarm", operation.NetworkSpec!.Labels));
                    break;
                case StackOperationKind.CreateSecret or StackOperationKind.CreateConfig:
                    objects.Add(new SwarmObjectState(operation.ObjectSpec!.Kind, "obj-" + operation.Target, operation.Target, operation.ObjectSpec.Labels));
                    break;
                case StackOperationKind.CreateService or StackOperationKind.UpdateService or StackOperationKind.ScaleService:
                    services.RemoveAll(service => service.Name == operation.Target);
                    services.Add(State(operation.ServiceSpec!));
                    break;
                case StackOperationKind.RemoveService:
                    services.RemoveAll(service => service.Name == operation.Target);
                    break;
                case StackOperationKind.RemoveSecret or StackOperationKind.RemoveConfig:
                    objects.RemoveAll(item => item.Name == operation.Target);
                    break;
            }
        }

        return new ObservedStack { Services = services, Networks = networks, Objects = objects };
    }

    public static SwarmServiceState State(SwarmServiceSpec spec) => new()
    {
        Id = "svc-" + spec.Name,
        Name = spec.Name,
        Version = 7,
        Labels = spec.Labels,
        Mode = spec.Mode,
        Replicas = spec.Replicas,
        Image = spec.Container.Image,
        Platforms = spec.Placement?.Platforms,
        SecretNames = [.. spec.Container.Secrets.Select(reference => reference.ObjectName)],
        ConfigNames = [.. spec.Container.Configs.Select(reference => reference.ObjectName)],
    };
}
