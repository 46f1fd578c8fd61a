using Composer.Cli.Rendering;
using Composer.Engine.Contracts;
using Composer.Orchestration;

namespace Composer.Cli.Hosting;

/// <summary>
/// One command's connection to the engine with its progress view open. Opening pings the engine first, so an
/// unreachable engine fails with one line before anything else happens.
/// </summary>
internal sealed class EngineSession : IAsyncDisposable
{
    private EngineSession(IEngine engine, IProgressRenderer progress, OrchestrationContext orchestration)
    {
        Engine = engine;
        Progress = progress;
        Orchestration = orchestration;
    }

    public IEngine Engine { get; }

    public IProgressRenderer Progress { get; }

    public OrchestrationContext Orchestration { get; }

    public static async Task<EngineSession> OpenAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var parallel = invocation.ParseResult.GetValue(GlobalOptions.Parallel);
        if (parallel is <= 0)
        {
            throw new UsageException("--parallel must be a positive number");
        }

        IProgressRenderer? progress = null;
        var engine = EngineFactory.Create(new EngineOptions
        {
            OnRetry = notice => progress?.Warn(notice.ToString()),
        });
        try
        {
            await engine.PingAsync(cancellationToken);
            progress = invocation.Output.StartProgress();
            var limit = parallel ?? OrchestrationContext.ParallelLimitFrom(invocation.Context.Environment);
            return new EngineSession(engine, progress, new OrchestrationContext(engine, progress) { ParallelLimit = limit });
        }
        catch
        {
            engine.Dispose();
            throw;
        }
    }

    /// <summary>Closes the progress view (so that what follows prints below it) but keeps the engine.</summary>
    public ValueTask CloseProgressAsync() => Progress.DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        await Progress.DisposeAsync();
        Engine.Dispose();
    }
}
