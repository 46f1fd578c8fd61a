using System.Globalization;
using Composer.Model;
using Composer.Planning.Observed;
using Composer.Planning.Plans;

namespace Composer.Planning.Tests;

/// <summary>Applies a plan to an observed state the way the engine would, so plans can be checked against each other.</summary>
internal static class PlanSimulator
{
    public static ObservedState Apply(Project project, ObservedState state, Plan plan)
    {
        var containers = state.Containers.ToList();
        var networks = state.Networks.ToList();
        var volumes = state.Volumes.ToList();
        var done = new HashSet<int>();
        foreach (var operation in plan.Operations)
        {
            Assert.All(operation.DependsOn, dependency => Assert.Contains(dependency, done));
            done.Add(operation.Id);
            var index = containers.FindIndex(container => container.Id == operation.ContainerId || container.Name == operation.Target);
            switch (operation.Kind)
            {
                case OperationKind.CreateNetwork:
                    Assert.DoesNotContain(networks, network => network.Name == operation.Target);
                    networks.Add(new ObservedNetwork("id-" + operation.Target, operation.Target, operation.ResourceKey)
                    {
                        Labels = new SortedDictionary<string, string>(StringComparer.Ordinal) { [ComposeLabels.ConfigHash] = operation.ConfigHash! },
                    });
                    break;
                case OperationKind.RemoveNetwork:
                    Assert.DoesNotContain(containers, container => container.IsRunning && container.Networks.Contains(operation.Target));
                    networks.RemoveAll(network => network.Name == operation.Target);
                    break;
                case OperationKind.CreateVolume:
                    volumes.Add(new ObservedVolume(operation.Target, operation.ResourceKey));
                    break;
                case OperationKind.CreateContainer:
                    Assert.True(index < 0, $"{operation.Target} created twice");
                    containers.Add(new ObservedContainer
                    {
                        Id = "new-" + operation.Target,
                        Name = operation.Target,
                        State = "created",
                        Networks = [.. JoinedNetworks(project, project.Services[operation.Service!])],
                        Labels = new SortedDictionary<string, string>(StringComparer.Ordinal)
                        {
                            [ComposeLabels.Project] = project.Name,
                            [ComposeLabels.Service] = operation.Service!,
                            [ComposeLabels.ContainerNumber] = operation.Number!.Value.ToString(CultureInfo.InvariantCulture),
                            [ComposeLabels.ConfigHash] = operation.ConfigHash!,
                        },
                    });
                    break;
                case OperationKind.StartContainer:
                    containers[index] = containers[index] with { State = "running" };
                    break;
                case OperationKind.StopContainer:
                    containers[index] = containers[index] with { State = "exited" };
                    break;
                case OperationKind.RemoveContainer:
                    Assert.NotEqual("running", containers[index].State);
                    containers.RemoveAt(index);
                    break;
                case OperationKind.RenameContainer:
                    Assert.DoesNotContain(containers, container => container.Name == operation.NewName);
                    containers[index] = containers[index] with { Name = operation.NewName! };
                    break;
                case OperationKind.WaitForDependency:
                    break;
                default:
                    throw new InvalidOperationException(operation.Kind.ToString());
            }
        }

        return new ObservedState { Containers = containers, Networks = networks, Volumes = volumes };
    }

    private static IEnumerable<string> JoinedNetworks(Project project, Service service) =>
        (service.NetworkMode is null && service.Networks.Count == 0 ? ["default"] : service.Networks.Keys)
            .Select(key => project.Networks[key].Name);
}
