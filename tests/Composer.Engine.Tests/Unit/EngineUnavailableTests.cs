using Composer.Engine.Contracts;

namespace Composer.Engine.Tests.Unit;

public sealed class EngineUnavailableTests
{
    [Fact]
    public async Task Ping_without_an_engine_names_the_endpoint_and_how_to_start_dockerd()
    {
        using var engine = EngineFactory.Create(new EngineOptions { Endpoint = new Uri("unix:///tmp/composer-no-engine-here.sock") });

        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => engine.PingAsync(CancellationToken.None));

        Assert.Contains("unix:///tmp/composer-no-engine-here.sock", error.Message, StringComparison.Ordinal);
        Assert.Contains("dockerd", error.Message, StringComparison.Ordinal);
    }
}
