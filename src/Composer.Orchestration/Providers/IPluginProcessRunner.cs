namespace Composer.Orchestration.Providers;

/// <summary>The one way orchestration runs an external tool (a provider service's plugin).</summary>
public interface IPluginProcessRunner
{
    /// <summary>
    /// Runs the tool with standard input closed, handing each line of its standard output to
    /// <paramref name="onOutputLine"/> as it comes; when that returns false, reading stops and the tool is killed.
    /// Cancelling kills the tool (and what it started).
    /// </summary>
    Task<PluginExit> RunAsync(PluginInvocation invocation, Func<string, bool> onOutputLine, CancellationToken cancellationToken);
}
