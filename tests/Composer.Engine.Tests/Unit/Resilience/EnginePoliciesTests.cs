using System.Net;
using System.Net.Sockets;
using Composer.Engine.Contracts;
using Docker.DotNet;

namespace Composer.Engine.Tests.Unit.Resilience;

public sealed class EnginePoliciesTests
{
    private static DockerApiException Answer(HttpStatusCode status, string message) =>
        new(status, $$"""{"message":"{{message}}"}""");

    private static HttpRequestException Refused() =>
        new("connection refused", new SocketException((int)SocketError.ConnectionRefused));

    [Fact]
    public async Task A_query_is_retried_on_server_errors_with_growing_delays_and_each_retry_is_one_readable_line()
    {
        var harness = new PolicyHarness();
        var attempts = 0;

        var call = harness.Calls.QueryAsync("list containers", _ =>
        {
            attempts++;
            return attempts < 3 ? throw Answer(HttpStatusCode.InternalServerError, "driver busy") : Task.FromResult(42);
        }, CancellationToken.None);
        await harness.DriveAsync(call, TimeSpan.FromSeconds(1));

        Assert.Equal(42, await call);
        Assert.Equal(3, attempts);
        Assert.Equal(
            ["retrying list containers (engine answered 500: driver busy), attempt 2 of 5",
             "retrying list containers (engine answered 500: driver busy), attempt 3 of 5"],
            harness.Notices.Select(notice => notice.Message));
        Assert.True(harness.Notices[1].Delay > harness.Notices[0].Delay);
    }

    [Fact]
    public async Task A_query_attempt_that_hangs_is_cut_and_asked_again()
    {
        var harness = new PolicyHarness();
        var attempts = 0;

        var call = harness.Calls.QueryAsync("inspect container web-1", async token =>
        {
            attempts++;
            if (attempts == 1)
            {
                await Task.Delay(Timeout.Infinite, token);
            }

            return "answer";
        }, CancellationToken.None);
        await harness.DriveAsync(call, TimeSpan.FromSeconds(5));

        Assert.Equal("answer", await call);
        Assert.Equal(2, attempts);
        Assert.Equal("retrying inspect container web-1 (no answer in time), attempt 2 of 5", Assert.Single(harness.Notices).Message);
    }

    [Fact]
    public async Task A_query_gives_up_after_its_attempts_with_the_engines_message()
    {
        var harness = new PolicyHarness();
        var attempts = 0;

        var call = harness.Calls.QueryAsync<int>("list volumes", _ =>
        {
            attempts++;
            throw Answer(HttpStatusCode.InternalServerError, "disk on fire");
        }, CancellationToken.None);
        await harness.DriveAsync(call, TimeSpan.FromSeconds(1));

        var failure = await Assert.ThrowsAsync<EngineException>(() => call);
        Assert.Equal("list volumes: disk on fire", failure.Message);
        Assert.Equal(5, attempts);
        Assert.Equal(4, harness.Notices.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "invalid mount config")]
    [InlineData(HttpStatusCode.NotFound, "No such container: x")]
    [InlineData(HttpStatusCode.Conflict, "container name \\\"/p-web-1\\\" is already in use")]
    [InlineData(HttpStatusCode.InternalServerError, "driver failed programming external connectivity: Bind for 127.0.0.1:8080 failed: port is already allocated")]
    [InlineData(HttpStatusCode.InternalServerError, "No such image: nope:1")]
    [InlineData(HttpStatusCode.InternalServerError, "OCI runtime create failed: executable file not found in $PATH")]
    [InlineData(HttpStatusCode.InternalServerError, "failed to create task for container: task 0123 already exists: unknown")]
    public async Task Permanent_answers_are_never_retried_by_any_policy(HttpStatusCode status, string message)
    {
        var harness = new PolicyHarness();
        var attempts = 0;
        Task Fail(CancellationToken _)
        {
            attempts++;
            throw Answer(status, message);
        }

        await Assert.ThrowsAsync<EngineException>(() => harness.Calls.QueryAsync("inspect container x", Fail, CancellationToken.None));
        await Assert.ThrowsAsync<EngineException>(() => harness.Calls.ChangeAsync("start container x", Fail, CancellationToken.None));
        await Assert.ThrowsAsync<EngineException>(() => harness.Calls.BlockingAsync("stop container x", Fail, CancellationToken.None));

        Assert.Equal(3, attempts);
        Assert.Empty(harness.Notices);
    }

    [Fact]
    public async Task A_change_the_engine_answered_with_a_server_error_is_asked_again()
    {
        var harness = new PolicyHarness();
        var attempts = 0;

        var call = harness.Calls.ChangeAsync("start container uxe6-web-1", _ =>
        {
            attempts++;
            return attempts == 1 ? throw Answer(HttpStatusCode.InternalServerError, "container is restarting") : Task.CompletedTask;
        }, CancellationToken.None);
        await harness.DriveAsync(call, TimeSpan.FromSeconds(1));

        await call;
        Assert.Equal("retrying start container uxe6-web-1 (engine answered 500: container is restarting), attempt 2 of 5",
            Assert.Single(harness.Notices).Message);
    }

    [Fact]
    public async Task A_change_whose_answer_was_lost_is_not_repeated_and_says_the_outcome_is_unknown()
    {
        var harness = new PolicyHarness();
        await harness.EngineAnsweredAsync();
        var attempts = 0;

        var failure = await Assert.ThrowsAsync<EngineOutcomeUnknownException>(() => harness.Calls.ChangeAsync("create container p-web-1", _ =>
        {
            attempts++;
            throw new HttpRequestException("connection reset by peer", new IOException("reset"));
        }, CancellationToken.None));

        Assert.Equal(1, attempts);
        Assert.Empty(harness.Notices);
        Assert.Equal("create container p-web-1", failure.Operation);
        Assert.StartsWith("create container p-web-1: the engine's answer was lost", failure.Message);
    }

    [Fact]
    public async Task A_change_cut_by_its_attempt_bound_is_not_repeated()
    {
        var harness = new PolicyHarness();
        var attempts = 0;

        var call = harness.Calls.ChangeAsync("rename container p-web-1 to p-web-2", async token =>
        {
            attempts++;
            await Task.Delay(Timeout.Infinite, token);
        }, CancellationToken.None);
        await harness.DriveAsync(call, TimeSpan.FromSeconds(10));

        await Assert.ThrowsAsync<EngineOutcomeUnknownException>(() => call);
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task A_change_refused_by_a_restarting_engine_is_sent_again_but_an_absent_engine_fails_at_once()
    {
        var absent = new PolicyHarness();
        await Assert.ThrowsAsync<EngineUnavailableException>(() => absent.Calls.ChangeAsync("start container x", _ => throw Refused(), CancellationToken.None));
        Assert.Empty(absent.Notices);

        var restarting = new PolicyHarness();
        await restarting.EngineAnsweredAsync();
        var attempts = 0;
        var call = restarting.Calls.ChangeAsync("start container x", _ => ++attempts < 3 ? throw Refused() : Task.CompletedTask, CancellationToken.None);
        await restarting.DriveAsync(call, TimeSpan.FromSeconds(1));
        await call;
        Assert.Equal(3, attempts);
        Assert.All(restarting.Notices, notice => Assert.Contains("(engine not answering)", notice.Message));
    }

    [Fact]
    public async Task A_blocking_call_has_no_time_bound_but_the_callers()
    {
        var harness = new PolicyHarness();
        var release = new TaskCompletionSource();
        var call = harness.Calls.BlockingAsync("wait for container p-job-1", async token =>
        {
            await release.Task.WaitAsync(token);
            return 0L;
        }, CancellationToken.None);

        // An hour on the clock: longer than every attempt and total bound of the other policies.
        await harness.DriveAsync(call, TimeSpan.FromMinutes(1), steps: 60);
        Assert.False(call.IsCompleted);
        release.SetResult();
        Assert.Equal(0L, await call);

        using var cancel = new CancellationTokenSource();
        var cancelled = harness.Calls.BlockingAsync("stop container p-web-1", token => Task.Delay(Timeout.Infinite, token), cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Empty(harness.Notices);
    }

    [Fact]
    public async Task A_blocking_call_is_repeated_only_when_the_engine_never_took_it()
    {
        var harness = new PolicyHarness();
        await harness.EngineAnsweredAsync();
        var attempts = 0;

        await Assert.ThrowsAsync<EngineException>(() => harness.Calls.BlockingAsync("pull busybox", _ =>
        {
            attempts++;
            throw Answer(HttpStatusCode.InternalServerError, "unexpected EOF");
        }, CancellationToken.None));
        Assert.Equal(1, attempts);

        var unavailable = 0;
        var call = harness.Calls.BlockingAsync("wait for container p-web-1", _ =>
            ++unavailable == 1 ? throw Answer(HttpStatusCode.ServiceUnavailable, "engine restarting") : Task.CompletedTask, CancellationToken.None);
        await harness.DriveAsync(call, TimeSpan.FromSeconds(1));
        await call;
        Assert.Equal(2, unavailable);
    }

    [Fact]
    public async Task The_callers_cancellation_is_never_retried_nor_translated()
    {
        var harness = new PolicyHarness();
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Calls.QueryAsync("list containers", token =>
        {
            token.ThrowIfCancellationRequested();
            return Task.CompletedTask;
        }, cancel.Token));
        Assert.Empty(harness.Notices);
    }
}
