using Composer.Engine.Contracts;
using Composer.Engine.Errors;
using Composer.Engine.Resilience;
using Docker.DotNet;
using Polly;

namespace Composer.Engine.DockerApi;

/// <summary>
/// The one way Docker API classes call the engine. Pick the method by what the call does:
/// <list type="bullet">
/// <item><see cref="QueryAsync{T}"/>: reads (list, inspect, top, stats, ping). Transient failures are retried with
/// backoff; every attempt and the whole call are time-bounded.</item>
/// <item><see cref="ChangeAsync{T}"/>: changes state (create, start, rename, remove, connect, tag, ...). Retried only
/// when the engine certainly did not act; when the answer was lost the caller gets
/// <see cref="EngineOutcomeUnknownException"/> and must observe the engine again instead of repeating the change.</item>
/// <item><see cref="BlockingAsync{T}"/>: waits or streams as long as it takes (wait, stop, logs, events, attach,
/// exec start, pull, push, build). No time bound but the caller's token; retried only when the engine never saw it.
/// A streaming call must hand nothing out from inside <c>call</c> before it can fail, or a retry repeats it.</item>
/// </list>
/// Whatever still fails becomes one readable <see cref="EngineException"/> naming the operation (and the endpoint
/// when the engine cannot be reached). The caller's cancellation is passed through as is. <c>operation</c> reads as
/// a verb phrase ("start container web-1"): retries print it as <c>retrying start container web-1 (...), attempt 2 of 5</c>.
/// </summary>
internal sealed class EngineCalls(EnginePolicies policies, string endpoint)
{
    private volatile bool _engineAnswered;

    public string Endpoint { get; } = endpoint;

    public Task<T> QueryAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        RunAsync(CallKind.Query, operation, call, cancellationToken);

    public Task QueryAsync(string operation, Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        RunAsync(CallKind.Query, operation, Returning(call), cancellationToken);

    public Task<T> ChangeAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        RunAsync(CallKind.Change, operation, call, cancellationToken);

    public Task ChangeAsync(string operation, Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        RunAsync(CallKind.Change, operation, Returning(call), cancellationToken);

    public Task<T> BlockingAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        RunAsync(CallKind.Blocking, operation, call, cancellationToken);

    public Task BlockingAsync(string operation, Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        RunAsync(CallKind.Blocking, operation, Returning(call), cancellationToken);

    private async Task<T> RunAsync<T>(CallKind kind, string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(EnginePolicies.OperationKey, operation);
        context.Properties.Set(EnginePolicies.EngineAnsweredKey, _engineAnswered);
        try
        {
            var result = await policies.For(kind).ExecuteAsync(async ctx =>
            {
                try
                {
                    return await call(ctx.CancellationToken);
                }
                catch (DockerApiException)
                {
                    _engineAnswered = true;
                    throw;
                }
            }, context);
            _engineAnswered = true;
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (kind == CallKind.Change && EngineFailures.LostAnswer(exception) is { } reason)
        {
            throw new EngineOutcomeUnknownException(operation, reason, exception);
        }
        catch (Exception exception)
        {
            throw EngineErrorTranslator.Translate(exception, operation, Endpoint);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static Func<CancellationToken, Task<bool>> Returning(Func<CancellationToken, Task> call) => async token =>
    {
        await call(token);
        return true;
    };
}
