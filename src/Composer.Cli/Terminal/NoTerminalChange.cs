namespace Composer.Cli.Terminal;

/// <summary>The handle for a terminal change that did not happen (no terminal, or no way to watch it).</summary>
internal sealed class NoTerminalChange : IDisposable
{
    public void Dispose()
    {
    }
}
