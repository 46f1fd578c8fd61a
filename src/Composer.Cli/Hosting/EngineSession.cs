using Composer.Cli.Rendering;
using Composer.Engine.Contracts;
using Composer.Orchestration;
using Composer.Orchestration.Progress;

namespace Composer.Cli.Hosting;

/// <summary>
/// One command's connection to the engine. <see cref="Connect"/> starts the client and its first request in the
/// background, so that the engine handshake (and the JIT work behind it) overlaps with loading the project;
/// <see cref="ReadyAsync"/> then waits for it and opens the progress view. An unreachable engine fails there with one
/// line; a project that does not load fails first and never waits for the engine.
/// </summary>
internal sealed class EngineSession : IAsyncDisposable
{
    private readonly CommandInvocation _invocation;
    private readonly IEngine _engine;
    private readonly Task _ping;
    private IProgressRenderer? _progress;

    private EngineSession(CommandInvocation invocation, IEngine engine, Task ping)
    {
        _invocation = invocation;
        _engine = engine;
        _ping = ping;
    }

    public IEngine Engine => _engine;

    public IProgressSink Progress => _progress ?? throw new InvalidOperationException("ReadyAsync opens the progress view");

    public OrchestrationContext Orchestration { get; private set; } = null!;

    public static EngineSession Connect(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var parallel = invocation.ParseResult.GetValue(GlobalOptions.Parallel);
        if (parallel is <= 0)
        {
            throw new UsageException("--parallel must be a positive number");
        }

        EngineSession? session = null;
        var engine = EngineFactory.Create(new EngineOptions
        {
            OnRetry = notice => session?._progress?.Warn(notice.ToString()),
        });
        session = new EngineSession(invocation, engine, Task.Run(() => engine.PingAsync(cancellationToken), cancellationToken));
        return session;
    }

    public static async Task<EngineSession> OpenAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var session = Connect(invocation, cancellationToken);
        try
        {
            await session.ReadyAsync();
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits for the engine to answer, then opens the progress view.</summary>
    public async Task ReadyAsync()
    {
        await _ping;
        _progress = _invocation.Output.StartProgress();
        var parallel = _invocation.ParseResult.GetValue(GlobalOptions.Parallel);
        var limit = parallel ?? OrchestrationContext.ParallelLimitFrom(_invocation.Context.Environment);
        Orchestration = new OrchestrationContext(_engine, _progress) { ParallelLimit = limit };
    }

    /// <summary>Closes the progress view (so that what follows prints below it) but keeps the engine.</summary>
    public ValueTask CloseProgressAsync() => _progress?.DisposeAsync() ?? ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await CloseProgressAsync();
        try
        {
            await _ping;
        }
        catch (Exception)
        {
            // Only reached when the command failed before it needed the engine; that failure is the one to report.
        }

        _engine.Dispose();
    }
}
