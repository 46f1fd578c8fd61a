using System.Net;
using Composer.Engine.Resilience;
using Docker.DotNet;
using Microsoft.Extensions.Time.Testing;
using Polly;

namespace Composer.Engine.Tests.Unit;

public sealed class EnginePipelineTests
{
    private static readonly RetrySettings Settings = new()
    {
        MaxRetries = 3,
        BaseDelay = TimeSpan.FromSeconds(1),
        TotalTimeout = TimeSpan.FromMinutes(1),
        AttemptTimeout = TimeSpan.FromSeconds(30),
        Randomizer = () => 0.5,
    };

    [Fact]
    public async Task Server_errors_are_retried_with_growing_delays_and_each_retry_is_reported()
    {
        var time = new FakeTimeProvider();
        var notices = new List<RetryNotice>();
        var pipeline = EnginePipeline.Create(Settings, time, notices.Add);
        var attempts = 0;

        var call = pipeline.ExecuteAsync(_ =>
        {
            attempts++;
            return attempts < 3 ? throw new DockerApiException(HttpStatusCode.InternalServerError, "{}") : ValueTask.FromResult(42);
        }, CancellationToken.None).AsTask();
        while (!call.IsCompleted)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(1);
        }

        Assert.Equal(42, await call);
        Assert.Equal(3, attempts);
        Assert.Equal([1, 2], notices.Select(notice => notice.Attempt));
        Assert.True(notices[1].Delay > notices[0].Delay);
        Assert.All(notices, notice => Assert.Equal("engine answered 500", notice.Reason));
    }

    [Fact]
    public async Task Client_errors_are_never_retried()
    {
        var notices = new List<RetryNotice>();
        var pipeline = EnginePipeline.Create(Settings, new FakeTimeProvider(), notices.Add);
        var attempts = 0;

        await Assert.ThrowsAsync<DockerApiException>(() => pipeline.ExecuteAsync(_ =>
        {
            attempts++;
            throw new DockerApiException(HttpStatusCode.BadRequest, "{}");
        }, CancellationToken.None).AsTask());

        Assert.Equal(1, attempts);
        Assert.Empty(notices);
    }

    [Fact]
    public async Task Caller_cancellation_is_not_retried()
    {
        var pipeline = EnginePipeline.Create(Settings, new FakeTimeProvider(), _ => Assert.Fail("no retry expected"));
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pipeline.ExecuteAsync(token =>
        {
            token.ThrowIfCancellationRequested();
            return ValueTask.CompletedTask;
        }, cancel.Token).AsTask());
    }
}
