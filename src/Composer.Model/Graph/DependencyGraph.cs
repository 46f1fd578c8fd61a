using QuikGraph;
using QuikGraph.Algorithms;

namespace Composer.Model;

/// <summary>
/// Services and the edges of their references (service -> dependency): depends_on, links, volumes_from and
/// <c>service:x</c> namespaces (see <see cref="ServiceReferences"/>). Dependencies on services that are not part of
/// the project (disabled by profiles, or optional and missing) are left out: nothing can be ordered against them.
/// </summary>
public sealed class DependencyGraph
{
    private readonly AdjacencyGraph<string, Edge<string>> graph;
    private readonly IReadOnlyList<IReadOnlyList<string>> levels;

    private DependencyGraph(AdjacencyGraph<string, Edge<string>> graph)
    {
        this.graph = graph;
        levels = ComputeLevels(graph);
    }

    /// <summary>The graph of the project's enabled services; throws <see cref="DependencyCycleException"/> on a cycle.</summary>
    public static DependencyGraph Of(Project project) => FromServices(project.Services);

    public static DependencyGraph FromServices(IReadOnlyDictionary<string, Service> services)
    {
        var graph = new AdjacencyGraph<string, Edge<string>>(allowParallelEdges: false);
        foreach (var name in services.Keys.Order(StringComparer.Ordinal))
        {
            graph.AddVertex(name);
        }

        foreach (var (name, service) in services.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            foreach (var dependency in service.References().Select(reference => reference.Service).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                if (services.ContainsKey(dependency))
                {
                    graph.AddEdge(new Edge<string>(name, dependency));
                }
            }
        }

        ThrowOnCycle(graph);
        return new DependencyGraph(graph);
    }

    /// <summary>Level 0 holds services without dependencies; level n services depend only on lower levels.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Levels => levels;

    /// <summary>Dependencies before dependents; alphabetical within a level.</summary>
    public IReadOnlyList<string> StartOrder => [.. levels.SelectMany(level => level)];

    /// <summary>Dependents before dependencies: the order for stopping.</summary>
    public IReadOnlyList<string> StopOrder => [.. StartOrder.Reverse()];

    public bool Contains(string service) => graph.ContainsVertex(service);

    public IReadOnlyList<string> DependenciesOf(string service) =>
        [.. graph.OutEdges(service).Select(edge => edge.Target).Order(StringComparer.Ordinal)];

    public IReadOnlyList<string> DependentsOf(string service) =>
        [.. graph.Edges.Where(edge => edge.Target == service).Select(edge => edge.Source).Order(StringComparer.Ordinal)];

    /// <summary>The given services and everything they depend on, directly or not.</summary>
    public IReadOnlySet<string> WithDependencies(IEnumerable<string> services)
    {
        var result = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(services.Where(graph.ContainsVertex));
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (result.Add(current))
            {
                foreach (var dependency in DependenciesOf(current))
                {
                    pending.Push(dependency);
                }
            }
        }

        return result;
    }

    /// <summary>The given services and everything that depends on them, directly or not.</summary>
    public IReadOnlySet<string> WithDependents(IEnumerable<string> services)
    {
        var result = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(services.Where(graph.ContainsVertex));
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (result.Add(current))
            {
                foreach (var dependent in DependentsOf(current))
                {
                    pending.Push(dependent);
                }
            }
        }

        return result;
    }

    // Kahn's algorithm over out-degrees: a service is ready once all of its dependencies are placed.
    private static IReadOnlyList<IReadOnlyList<string>> ComputeLevels(AdjacencyGraph<string, Edge<string>> graph)
    {
        var remaining = graph.Vertices.ToDictionary(vertex => vertex, vertex => graph.OutDegree(vertex), StringComparer.Ordinal);
        var dependents = graph.Vertices.ToDictionary(vertex => vertex, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var edge in graph.Edges)
        {
            dependents[edge.Target].Add(edge.Source);
        }

        var result = new List<IReadOnlyList<string>>();
        var current = remaining.Where(pair => pair.Value == 0).Select(pair => pair.Key).Order(StringComparer.Ordinal).ToList();
        while (current.Count > 0)
        {
            result.Add(current);
            var next = new List<string>();
            foreach (var vertex in current)
            {
                foreach (var dependent in dependents[vertex])
                {
                    if (--remaining[dependent] == 0)
                    {
                        next.Add(dependent);
                    }
                }
            }

            current = [.. next.Order(StringComparer.Ordinal)];
        }

        return result;
    }

    private static void ThrowOnCycle(AdjacencyGraph<string, Edge<string>> graph)
    {
        var selfLoop = graph.Edges.FirstOrDefault(edge => edge.Source == edge.Target);
        if (selfLoop is not null)
        {
            throw new DependencyCycleException([selfLoop.Source, selfLoop.Source]);
        }

        var components = new Dictionary<string, int>(StringComparer.Ordinal);
        graph.StronglyConnectedComponents(components);
        var cyclic = components.GroupBy(pair => pair.Value).FirstOrDefault(group => group.Count() > 1);
        if (cyclic is null)
        {
            return;
        }

        var members = cyclic.Select(pair => pair.Key).ToHashSet(StringComparer.Ordinal);
        var start = members.Order(StringComparer.Ordinal).First();
        var path = new List<string> { start };
        var current = start;
        // Inside a strongly connected component every member reaches every other, so following in-component edges
        // from the start must come back to a visited vertex.
        while (true)
        {
            var next = graph.OutEdges(current).Select(edge => edge.Target).Where(members.Contains).Order(StringComparer.Ordinal).First();
            var seenAt = path.IndexOf(next);
            if (seenAt >= 0)
            {
                var cycle = path.Skip(seenAt).Append(next).ToList();
                throw new DependencyCycleException(cycle);
            }

            path.Add(next);
            current = next;
        }
    }
}
