using System.Net;
using System.Net.Sockets;
using Composer.Engine.Resilience;
using Docker.DotNet;
using Polly.Timeout;

namespace Composer.Engine.Tests.Unit;

public sealed class TransientFailuresTests
{
    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, "{}", true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, "{}", true)]
    [InlineData(HttpStatusCode.Conflict, """{"message":"removal of container x is already in progress"}""", true)]
    [InlineData(HttpStatusCode.Conflict, """{"message":"name in use"}""", false)]
    [InlineData(HttpStatusCode.NotFound, "{}", false)]
    [InlineData(HttpStatusCode.BadRequest, "{}", false)]
    public void Engine_answers_are_retried_only_when_transient(HttpStatusCode status, string body, bool transient)
    {
        Assert.Equal(transient, TransientFailures.IsTransient(new DockerApiException(status, body)));
    }

    [Fact]
    public void Transport_hiccups_and_timeouts_are_retried_but_a_missing_engine_is_not()
    {
        Assert.True(TransientFailures.IsTransient(new HttpRequestException("reset")));
        Assert.True(TransientFailures.IsTransient(new IOException("broken pipe")));
        Assert.True(TransientFailures.IsTransient(new TimeoutRejectedException()));
        Assert.False(TransientFailures.IsTransient(new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.False(TransientFailures.IsTransient(new OperationCanceledException()));
    }
}
