using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Composer.Engine.Resilience;

/// <summary>The retry policy around every engine call.</summary>
internal static class EnginePipeline
{
    public static readonly ResiliencePropertyKey<string> OperationKey = new("composer.operation");

    public static ResiliencePipeline Create(RetrySettings settings, TimeProvider timeProvider, Action<RetryNotice>? onRetry)
    {
        var retry = new RetryStrategyOptions
        {
            MaxRetryAttempts = settings.MaxRetries,
            Delay = settings.BaseDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = arguments => ValueTask.FromResult(
                arguments.Outcome.Exception is { } exception
                && !(exception is OperationCanceledException && exception is not TimeoutRejectedException && arguments.Context.CancellationToken.IsCancellationRequested)
                && TransientFailures.IsTransient(exception)),
            OnRetry = arguments =>
            {
                var operation = arguments.Context.Properties.GetValue(OperationKey, "engine call");
                var reason = arguments.Outcome.Exception is { } exception ? TransientFailures.Describe(exception) : "unknown";
                onRetry?.Invoke(new RetryNotice(operation, arguments.AttemptNumber + 1, arguments.RetryDelay, reason));
                return ValueTask.CompletedTask;
            },
        };
        if (settings.Randomizer is { } randomizer)
        {
            retry.Randomizer = randomizer;
        }

        return new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddTimeout(new TimeoutStrategyOptions { Timeout = settings.TotalTimeout })
            .AddRetry(retry)
            .AddTimeout(new TimeoutStrategyOptions { Timeout = settings.AttemptTimeout })
            .Build();
    }
}
