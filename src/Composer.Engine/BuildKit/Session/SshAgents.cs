using Composer.Engine.Contracts;

namespace Composer.Engine.BuildKit.Session;

/// <summary>
/// The agent socket of each ssh id a build forwards: the socket it names, or for a key file the socket of a private
/// agent started for the build (stopped when this is disposed).
/// </summary>
internal sealed class SshAgents : IAsyncDisposable
{
    private readonly List<PrivateSshAgent> started = [];
    private readonly Dictionary<string, string> sockets = new(StringComparer.Ordinal);

    private SshAgents()
    {
    }

    public IReadOnlyDictionary<string, string> Sockets => sockets;

    public static async Task<SshAgents> StartAsync(IReadOnlyDictionary<string, SshSource> sources, CancellationToken cancellationToken)
    {
        var agents = new SshAgents();
        try
        {
            foreach (var (id, source) in sources)
            {
                if (source.KeyFile)
                {
                    var agent = await PrivateSshAgent.StartAsync(id, source.Path, cancellationToken);
                    agents.started.Add(agent);
                    agents.sockets[id] = agent.Socket;
                }
                else
                {
                    agents.sockets[id] = source.Path;
                }
            }

            return agents;
        }
        catch
        {
            await agents.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var agent in started)
        {
            await agent.DisposeAsync();
        }
    }
}
