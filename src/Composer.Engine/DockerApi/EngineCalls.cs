using Composer.Engine.Errors;
using Composer.Engine.Resilience;
using Polly;

namespace Composer.Engine.DockerApi;

/// <summary>
/// Runs one engine call through the retry pipeline and turns whatever still fails into a one-line
/// <see cref="Contracts.EngineException"/> naming the operation and the endpoint; every Docker API class uses it.
/// </summary>
internal sealed class EngineCalls(ResiliencePipeline pipeline, string endpoint)
{
    public string Endpoint { get; } = endpoint;

    public Task CallAsync(string operation, Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        CallAsync<bool>(operation, async token =>
        {
            await call(token);
            return true;
        }, cancellationToken);

    public async Task<T> CallAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(EnginePipeline.OperationKey, operation);
        try
        {
            return await pipeline.ExecuteAsync(async ctx => await call(ctx.CancellationToken), context);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
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
}
