using Composer.Cli.Building;
using Composer.Cli.Output;
using Composer.Cli.Rendering;
using Composer.Engine.Contracts;
using Composer.Engine.Registry;
using Composer.Orchestration;
using Composer.Orchestration.Progress;

namespace Composer.Cli.Hosting;

/// <summary>
/// One command's connection to the engine. <see cref="Connect"/> creates the client and sends its first request in
/// the background, so that client set-up, the engine handshake (and the JIT work behind them) overlap with loading the
/// project; the config hash is warmed up alongside for the same reason (its first use loads OpenSSL);
/// <see cref="ReadyAsync"/> then waits for it and opens the progress view. An unreachable engine fails there with one
/// line; a project that does not load fails first and never waits for the engine.
/// </summary>
internal sealed class EngineSession : IAsyncDisposable
{
    private readonly CommandInvocation _invocation;
    private readonly Task<IEngine> _connected;
    private IProgressRenderer? _progress;

    private EngineSession(CommandInvocation invocation, Func<EngineSession, Task<IEngine>> connect)
    {
        _invocation = invocation;
        _connected = connect(this);
    }

    /// <summary>The engine once it answered; before <see cref="ReadyAsync"/> this waits for that answer.</summary>
    public IEngine Engine => _connected.GetAwaiter().GetResult();

    public IProgressSink Progress => _progress ?? throw new InvalidOperationException("ReadyAsync opens the progress view");

    public OrchestrationContext Orchestration { get; private set; } = null!;

    public static EngineSession Connect(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        _ = GlobalOptions.ParallelLimit(invocation.ParseResult, invocation.Context);

        _ = Task.Run(StartupWarmUp.HashConfig, CancellationToken.None);
        return new EngineSession(invocation, session => Task.Run(() => ConnectAsync(session, cancellationToken), cancellationToken));
    }

    private static Task<IEngine> ConnectAsync(EngineSession session, CancellationToken cancellationToken) =>
        ConnectEngineAsync(session._invocation, message => session._progress?.Warn(message), cancellationToken);

    /// <summary>
    /// The engine the invocation's environment names (DOCKER_HOST, context, local socket), once it has answered a
    /// ping; retries are reported through <paramref name="warn"/>. The caller disposes it.
    /// </summary>
    public static async Task<IEngine> ConnectEngineAsync(CommandInvocation invocation, Action<string> warn, CancellationToken cancellationToken)
    {
        var engine = EngineFactory.Create(new EngineOptions
        {
            Environment = name => invocation.Context.Environment.GetValueOrDefault(name),
            OnRetry = notice => warn(notice.Message),
        });
        try
        {
            await engine.PingAsync(cancellationToken);
            return engine;
        }
        catch
        {
            engine.Dispose();
            throw;
        }
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
        var engine = await _connected;
        _progress = _invocation.Output.StartProgress();
        var limit = GlobalOptions.ParallelLimit(_invocation.ParseResult, _invocation.Context);
        Orchestration = new OrchestrationContext(engine, _progress)
        {
            ParallelLimit = limit,
            Credentials = RegistryCredentialStore.FromEnvironment(_invocation.Context.Environment),

            // Plain output prints every build step and its log, as docker does; the other modes show steps as progress.
            BuildOutput = _invocation.Output.Mode == OutputMode.Plain ? new ConsoleBuildOutput(_invocation.Context.Error) : null,
        };
    }

    /// <summary>Closes the progress view (so that what follows prints below it) but keeps the engine.</summary>
    public ValueTask CloseProgressAsync() => _progress?.DisposeAsync() ?? ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await CloseProgressAsync();
        try
        {
            (await _connected).Dispose();
        }
        catch (Exception)
        {
            // Only reached when the command failed before it needed the engine; that failure is the one to report.
        }
    }
}
