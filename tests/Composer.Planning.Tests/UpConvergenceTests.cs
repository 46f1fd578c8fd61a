using System.Globalization;
using Composer.Model;
using Composer.Planning.Hashing;
using Composer.Planning.Observed;
using Composer.Planning.Plans;

namespace Composer.Planning.Tests;

/// <summary>
/// Whatever the engine has, carrying out the up plan must reach a state where planning again finds nothing to do,
/// with the wanted number of containers per service, each named after its number.
/// </summary>
public sealed class UpConvergenceTests
{
    private static readonly string[] States = ["running", "exited", "created", "paused"];

    [Fact]
    public void Up_converges_from_random_engine_states_in_one_plan()
    {
        var random = new Random(20261123);
        for (var round = 0; round < 400; round++)
        {
            var project = RandomProject(random);
            var observed = RandomObserved(random, project);
            var plan = Planner.PlanUp(project, observed, new UpPlanOptions { RemoveOrphans = true });

            var after = PlanSimulator.Apply(project, observed, plan);
            var again = Planner.PlanUp(project, after, new UpPlanOptions { RemoveOrphans = true });

            Assert.True(again.IsEmpty, $"round {round}: first plan\n{plan}\nsecond plan\n{again}");
            foreach (var service in project.Services.Values)
            {
                var containers = after.ContainersOf(service.Name);
                Assert.Equal(service.Scale ?? 1, containers.Count);
                Assert.All(containers, container => Assert.Equal($"{project.Name}-{service.Name}-{container.Number}", container.Name));
                Assert.All(containers, container => Assert.Equal(ConfigHash.Compute(project, service), container.ConfigHash));
            }
        }
    }

    [Fact]
    public void Down_after_up_leaves_nothing_of_the_project()
    {
        var random = new Random(7);
        for (var round = 0; round < 200; round++)
        {
            var project = RandomProject(random);
            var observed = RandomObserved(random, project);
            var up = PlanSimulator.Apply(project, observed, Planner.PlanUp(project, observed, new UpPlanOptions()));

            var down = PlanSimulator.Apply(project, up, DownWithoutNetworks(project, up));

            Assert.Empty(down.Containers);
        }
    }

    // The simulator does not model network removal; the container part of down is what this property is about.
    private static Plan DownWithoutNetworks(Project project, ObservedState state)
    {
        var plan = Planner.PlanDown(project, state, new DownPlanOptions { RemoveOrphans = true });
        return plan with { Operations = [.. plan.Operations.Where(operation => operation.Kind is not OperationKind.RemoveNetwork and not OperationKind.RemoveVolume)] };
    }

    private static Project RandomProject(Random random)
    {
        var count = random.Next(1, 5);
        var services = new List<Service>();
        for (var index = 0; index < count; index++)
        {
            var dependencies = services.Where(_ => random.Next(3) == 0)
                .ToDictionary(service => service.Name, _ => new ServiceDependency { Restart = random.Next(2) == 0 });
            services.Add(Projects.Service("s" + index.ToString(CultureInfo.InvariantCulture)) with
            {
                Scale = random.Next(4) == 0 ? 0 : random.Next(1, 4),
                Environment = new SortedDictionary<string, string?>(StringComparer.Ordinal) { ["V"] = random.Next(2).ToString(CultureInfo.InvariantCulture) },
                DependsOn = new SortedDictionary<string, ServiceDependency>(dependencies, StringComparer.Ordinal),
            });
        }

        return Projects.Project("p", [.. services]);
    }

    private static ObservedState RandomObserved(Random random, Project project)
    {
        var containers = new List<ObservedContainer>();
        foreach (var service in project.Services.Keys.Append("gone"))
        {
            var numbers = Enumerable.Range(1, 6).Where(_ => random.Next(3) == 0);
            foreach (var number in numbers)
            {
                var fresh = random.Next(2) == 0 && project.Services.ContainsKey(service);
                containers.Add(Projects.Running(project, service, number, hash: fresh ? null : "stale") with
                {
                    State = States[random.Next(States.Length)],
                    Networks = project.Services.ContainsKey(service) ? ["p_default"] : [],
                });
            }
        }

        return new ObservedState
        {
            Containers = containers,
            Networks = random.Next(3) switch
            {
                0 => [],
                1 => [new ObservedNetwork("n", "p_default", "default")],

                // Created with other settings than the file has now: recreated, with every container on it.
                _ => [new ObservedNetwork("n", "p_default", "default")
                {
                    Labels = new SortedDictionary<string, string>(StringComparer.Ordinal) { [ComposeLabels.ConfigHash] = "stale" },
                }],
            },
        };
    }
}
