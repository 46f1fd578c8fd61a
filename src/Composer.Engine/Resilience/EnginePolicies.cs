using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Composer.Engine.Resilience;

/// <summary>
/// The three resilience pipelines an engine call can run under, one per <see cref="CallKind"/>:
/// <list type="bullet">
/// <item>query: retries transient failures with exponential backoff, each attempt and the whole call bounded;</item>
/// <item>change: retries only when the engine certainly did not act (never sent, or an error answer that may pass);
/// an attempt is bounded, and a cut attempt is not retried;</item>
/// <item>blocking: no time bound at all (only the caller's token: the user's timeout or Ctrl-C), retried only when
/// the engine never saw the request.</item>
/// </list>
/// Permanent failures (4xx other than "removal in progress", port already allocated, no such image, ...) are never
/// retried by any of them.
/// </summary>
internal sealed class EnginePolicies
{
    public static readonly ResiliencePropertyKey<string> OperationKey = new("composer.operation");

    /// <summary>Whether this engine has answered before: a refused connection then means "restarting", not "absent".</summary>
    public static readonly ResiliencePropertyKey<bool> EngineAnsweredKey = new("composer.engine-answered");

    private EnginePolicies(ResiliencePipeline query, ResiliencePipeline change, ResiliencePipeline blocking)
    {
        Query = query;
        Change = change;
        Blocking = blocking;
    }

    public ResiliencePipeline Query { get; }
    public ResiliencePipeline Change { get; }
    public ResiliencePipeline Blocking { get; }

    public ResiliencePipeline For(CallKind kind) => kind switch
    {
        CallKind.Query => Query,
        CallKind.Change => Change,
        _ => Blocking,
    };

    public static EnginePolicies Create(RetrySettings settings, TimeProvider timeProvider, Action<RetryNotice>? onRetry)
    {
        var query = new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddTimeout(new TimeoutStrategyOptions { Timeout = settings.QueryTotalTimeout })
            .AddRetry(Retry(settings, onRetry, EngineFailures.IsRetryableQuery))
            .AddTimeout(new TimeoutStrategyOptions { Timeout = settings.QueryAttemptTimeout })
            .Build();
        var change = new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(Retry(settings, onRetry, EngineFailures.IsRetryableChange))
            .AddTimeout(new TimeoutStrategyOptions { Timeout = settings.ChangeAttemptTimeout })
            .Build();
        var blocking = new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(Retry(settings, onRetry, EngineFailures.IsRetryableBlocking))
            .Build();
        return new EnginePolicies(query, change, blocking);
    }

    private static RetryStrategyOptions Retry(RetrySettings settings, Action<RetryNotice>? onRetry, Func<Exception, bool, bool> retryable)
    {
        var maxAttempts = Math.Max(1, settings.MaxAttempts);
        var retry = new RetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(1, maxAttempts - 1),
            Delay = settings.BaseDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = arguments => ValueTask.FromResult(
                maxAttempts > 1
                && arguments.Outcome.Exception is { } exception
                && !IsCallerCancellation(exception, arguments.Context)
                && retryable(exception, arguments.Context.Properties.GetValue(EngineAnsweredKey, false))),
            OnRetry = arguments =>
            {
                var operation = arguments.Context.Properties.GetValue(OperationKey, "engine call");
                var reason = arguments.Outcome.Exception is { } exception ? EngineFailures.Describe(exception) : "unknown";
                onRetry?.Invoke(new RetryNotice(operation, arguments.AttemptNumber + 2, maxAttempts, arguments.RetryDelay, reason));
                return ValueTask.CompletedTask;
            },
        };
        if (settings.Randomizer is { } randomizer)
        {
            retry.Randomizer = randomizer;
        }

        return retry;
    }

    // The caller's Ctrl-C or timeout ends the call; a timeout of our own (TimeoutRejectedException) does not.
    private static bool IsCallerCancellation(Exception exception, ResilienceContext context) =>
        exception is OperationCanceledException && context.CancellationToken.IsCancellationRequested;
}
