using Composer.Engine.Registry;

namespace Composer.Engine.Tests.Unit.Images;

public sealed class PullReferenceTests
{
    [Theory]
    [InlineData("redis:7", "docker.io", "redis", "7")]
    [InlineData("redis", "docker.io", "redis", "latest")]
    [InlineData("library/redis:7", "docker.io", "library/redis", "7")]
    [InlineData("127.0.0.1:5000/team/app:v1", "127.0.0.1:5000", "team/app", "v1")]
    [InlineData("localhost/app", "localhost", "app", "latest")]
    [InlineData("ghcr.io/owner/app:1.2@sha256:abc", "ghcr.io", "owner/app", "1.2")]
    [InlineData("127.0.0.1:5000/app", "127.0.0.1:5000", "app", "latest")]
    public void Registry_repository_and_tag_follow_the_engine_rules(string image, string registry, string repository, string tag)
    {
        var reference = ImageReference.Parse(image);

        Assert.Equal((registry, repository, tag), (reference.Registry, reference.Repository, reference.Tag));
    }

    [Fact]
    public void Docker_hub_messages_name_the_host_the_engine_really_calls() =>
        Assert.Equal("registry-1.docker.io", ImageReference.Parse("redis:7").RegistryHost);

    [Fact]
    public void A_connection_failure_reads_as_an_unreachable_registry_naming_the_image()
    {
        var line = RegistryFailures.Describe("pull", "redis:7", "registry-1.docker.io",
            "Get \"https://registry-1.docker.io/v2/\": dial tcp: lookup registry-1.docker.io: no such host");

        Assert.StartsWith("cannot pull redis:7: registry registry-1.docker.io is not reachable (", line);
        Assert.DoesNotContain('\n', line);
    }

    [Fact]
    public void Other_registry_answers_are_passed_on_as_they_are() =>
        Assert.Equal("cannot push app:1: denied: requested access to the resource is denied",
            RegistryFailures.Describe("push", "app:1", "registry-1.docker.io", "denied: requested access to the resource is denied"));
}
