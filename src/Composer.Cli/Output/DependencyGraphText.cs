using System.Globalization;
using System.Text;
using Composer.Model;

namespace Composer.Cli.Output;

/// <summary>
/// composer viz: the services and their depends_on edges (dependent -> dependency, labelled with the condition) as
/// Graphviz DOT or as a Mermaid flowchart; networks, published ports and images are added on request.
/// </summary>
internal sealed record DependencyGraphText(bool Networks, bool Ports, bool Images, string Indent)
{
    public string Dot(Project project)
    {
        var text = new StringBuilder();
        text.Append("digraph \"").Append(project.Name).Append("\" {\n");
        Line(text, "layout=dot;");
        Line(text, "node [shape=box, style=rounded];");
        foreach (var service in project.Services.Values)
        {
            var label = new List<string> { "<b>" + Html(service.Name) + "</b>" };
            label.AddRange(Details(service).Select(Html));
            Line(text, $"\"{service.Name}\" [label=<{string.Join("<br/>", label)}>];");
        }

        if (Networks)
        {
            foreach (var network in NetworkKeys(project))
            {
                Line(text, $"\"network:{network}\" [shape=ellipse, style=dashed, label=\"{network}\"];");
            }
        }

        foreach (var service in project.Services.Values)
        {
            foreach (var (dependency, condition) in service.DependsOn.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                Line(text, $"\"{service.Name}\" -> \"{dependency}\" [label=\"{condition.Condition}\"];");
            }

            if (Networks)
            {
                foreach (var network in NetworksOf(service))
                {
                    Line(text, $"\"{service.Name}\" -> \"network:{network}\" [style=dashed, arrowhead=none];");
                }
            }
        }

        text.Append("}\n");
        return text.ToString();
    }

    public string Mermaid(Project project)
    {
        var text = new StringBuilder("flowchart LR\n");
        foreach (var service in project.Services.Values)
        {
            var label = string.Join("<br/>", new[] { service.Name }.Concat(Details(service)).Select(part => part.Replace("\"", "#quot;", StringComparison.Ordinal)));
            Line(text, $"{Id(service.Name)}[\"{label}\"]");
        }

        if (Networks)
        {
            foreach (var network in NetworkKeys(project))
            {
                Line(text, $"{Id("network_" + network)}((\"{network}\"))");
            }
        }

        foreach (var service in project.Services.Values)
        {
            foreach (var (dependency, condition) in service.DependsOn.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                Line(text, $"{Id(service.Name)} -->|{condition.Condition}| {Id(dependency)}");
            }

            if (Networks)
            {
                foreach (var network in NetworksOf(service))
                {
                    Line(text, $"{Id(service.Name)} -.- {Id("network_" + network)}");
                }
            }
        }

        return text.ToString();
    }

    private IEnumerable<string> Details(Service service)
    {
        if (Images)
        {
            yield return "image: " + (service.Image ?? "(built)");
        }

        if (Ports)
        {
            foreach (var port in service.Ports)
            {
                yield return "port: " + (port.Published is { } published ? $"{(port.HostIp is null ? "" : port.HostIp + ":")}{published}:" : "")
                    + port.Target.ToString(CultureInfo.InvariantCulture) + "/" + port.Protocol;
            }
        }
    }

    private static IEnumerable<string> NetworkKeys(Project project) =>
        project.Services.Values.SelectMany(NetworksOf).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    private static IEnumerable<string> NetworksOf(Service service) =>
        service.NetworkMode is not null ? [] : service.Networks.Count == 0 ? ["default"] : service.Networks.Keys.Order(StringComparer.Ordinal);

    private void Line(StringBuilder text, string line) => text.Append(Indent).Append(line).Append('\n');

    private static string Html(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    // Mermaid ids: letters, digits and underscores.
    private static string Id(string name) => new([.. name.Select(character => char.IsLetterOrDigit(character) ? character : '_')]);
}
