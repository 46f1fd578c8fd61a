using Composer.Engine.Contracts;

namespace Composer.Engine.DockerApi.Swarm;

/// <summary>
/// Splits a service log line as the engine sends it with details on: an optional RFC 3339 timestamp, then
/// "com.docker.swarm.node.id=N,com.docker.swarm.service.id=S,com.docker.swarm.task.id=T" and a space, then the text.
/// </summary>
internal static class ServiceLogLine
{
    public static SwarmLogLine Parse(LogLine line, bool timestamps)
    {
        var text = line.Text;
        var prefix = "";
        if (timestamps && text.IndexOf(' ') is var afterTime and > 0)
        {
            prefix = text[..(afterTime + 1)];
            text = text[(afterTime + 1)..];
        }

        string task = "", node = "";
        var space = text.IndexOf(' ');
        var details = space < 0 ? text : text[..space];
        if (details.Contains("com.docker.swarm.", StringComparison.Ordinal))
        {
            foreach (var pair in details.Split(','))
            {
                var (key, value) = pair.IndexOf('=') is var equals and > 0 ? (pair[..equals], pair[(equals + 1)..]) : (pair, "");
                switch (key)
                {
                    case "com.docker.swarm.task.id":
                        task = value;
                        break;
                    case "com.docker.swarm.node.id":
                        node = value;
                        break;
                }
            }

            text = space < 0 ? "" : text[(space + 1)..];
        }

        return new SwarmLogLine(task, node, line.Stream, prefix + text);
    }
}
