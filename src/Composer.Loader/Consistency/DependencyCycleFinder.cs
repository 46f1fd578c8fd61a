using Composer.Loader.Diagnostics;
using Composer.Loader.Tree;
using Composer.Model;
using QuikGraph;
using QuikGraph.Algorithms;

namespace Composer.Loader.Consistency;

/// <summary>
/// Reports each depends_on cycle among enabled services once, as a full loop (<c>a -> b -> c -> a</c>).
/// QuikGraph's topological sort names no members on a cycle, so strongly connected components find them.
/// </summary>
internal static class DependencyCycleFinder
{
    public static void Report(Project project, MappingNode? root, DiagnosticBag diagnostics)
    {
        var graph = new AdjacencyGraph<string, Edge<string>>(allowParallelEdges: false);
        graph.AddVertexRange(project.Services.Keys);
        foreach (var (name, service) in project.Services)
        {
            foreach (var dependency in service.DependsOn.Keys.Where(project.Services.ContainsKey))
            {
                graph.AddEdge(new Edge<string>(name, dependency));
            }
        }

        var componentByService = new Dictionary<string, int>(StringComparer.Ordinal);
        graph.StronglyConnectedComponents(componentByService);
        var members = componentByService
            .GroupBy(pair => pair.Value, pair => pair.Key)
            .Select(group => group.OrderBy(name => name, StringComparer.Ordinal).ToList());
        foreach (var component in members.OrderBy(component => component[0], StringComparer.Ordinal))
        {
            var start = component[0];
            var isCycle = component.Count > 1 || graph.OutEdges(start).Any(edge => edge.Target == start);
            if (!isCycle)
            {
                continue;
            }

            var loop = FindLoop(graph, start, new HashSet<string>(component, StringComparer.Ordinal));
            diagnostics.Error(
                TreeLocator.Find(root, "services", start, "depends_on"),
                $"services.{start}.depends_on",
                "dependency cycle: " + string.Join(" -> ", loop));
        }
    }

    /// <summary>
    /// A path from <paramref name="start"/> back to itself inside its component, visiting names in order. Depth-first
    /// with a stack of its own rather than recursion: a cycle through thousands of services (a generated or hostile
    /// file) would otherwise overflow the thread's stack.
    /// </summary>
    private static IReadOnlyList<string> FindLoop(AdjacencyGraph<string, Edge<string>> graph, string start, HashSet<string> component)
    {
        var path = new List<string> { start };
        var visited = new HashSet<string>(StringComparer.Ordinal) { start };
        var pending = new Stack<IEnumerator<string>>();
        pending.Push(Successors(graph, start, component));
        while (pending.TryPeek(out var successors))
        {
            if (!successors.MoveNext())
            {
                // Every way on from the last name of the path is explored: step back.
                pending.Pop();
                path.RemoveAt(path.Count - 1);
                continue;
            }

            var next = successors.Current;
            if (next == start)
            {
                path.Add(start);
                return path;
            }

            if (visited.Add(next))
            {
                path.Add(next);
                pending.Push(Successors(graph, next, component));
            }
        }

        return [start, start];
    }

    private static IEnumerator<string> Successors(AdjacencyGraph<string, Edge<string>> graph, string current, HashSet<string> component) =>
        graph.OutEdges(current).Select(edge => edge.Target).Where(component.Contains).OrderBy(name => name, StringComparer.Ordinal).GetEnumerator();
}
