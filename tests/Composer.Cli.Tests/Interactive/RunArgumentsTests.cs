using Composer.Cli.Commands;

namespace Composer.Cli.Tests.Interactive;

public sealed class RunArgumentsTests
{
    [Theory]
    [InlineData("8080", null, null, 8080, "tcp")]
    [InlineData("9000:80", null, "9000", 80, "tcp")]
    [InlineData("127.0.0.1:9000:80/udp", "127.0.0.1", "9000", 80, "udp")]
    public void Publish_reads_host_ip_host_port_container_port_and_protocol(string text, string? hostIp, string? published, int target, string protocol)
    {
        var port = PublishArgument.Parse(text);

        Assert.Equal((hostIp, published, target, protocol), (port.HostIp, port.Published, port.Target, port.Protocol));
    }

    [Theory]
    [InlineData("web")]
    [InlineData("1:2:3:4")]
    [InlineData("80/icmp")]
    public void Publish_rejects_what_is_not_a_port_with_a_usage_error(string text) =>
        Assert.Throws<UsageException>(() => PublishArgument.Parse(text));

    [Fact]
    public void Volume_with_a_relative_path_is_a_bind_mount_under_the_project_folder()
    {
        var volume = VolumeArgument.Parse("./data:/data:ro", "/projects/demo");

        Assert.Equal(("bind", "/projects/demo/data", "/data", true), (volume.Type, volume.Source, volume.Target, volume.ReadOnly));
    }

    [Fact]
    public void Volume_with_a_plain_name_is_a_named_volume_and_a_lone_target_an_anonymous_one()
    {
        var named = VolumeArgument.Parse("cache:/cache", "/p");
        var anonymous = VolumeArgument.Parse("/scratch", "/p");

        Assert.Equal(("volume", "cache"), (named.Type, named.Source));
        Assert.Equal(("volume", null), (anonymous.Type, anonymous.Source));
    }

    [Fact]
    public void Environment_keeps_key_value_pairs_and_takes_bare_keys_from_the_caller()
    {
        var caller = new Dictionary<string, string> { ["HOME"] = "/root" };

        Assert.Equal(["A=1", "HOME=/root"], EnvironmentArguments.Parse(["A=1", "HOME", "UNSET"], caller));
        Assert.Throws<UsageException>(() => EnvironmentArguments.Parse(["=x"], caller));
    }

    [Fact]
    public async Task Run_pull_accepts_only_always_missing_never_or_policy_and_says_so_in_one_line()
    {
        using var project = new TempProject().With("compose.yaml", "services:\n  web:\n    image: busybox\n");

        var result = await CliRunner.RunAsync(project.Directory, "run", "--pull", "sometimes", "web", "true");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: --pull must be one of always, missing, never, policy (got 'sometimes')", result.Error.Trim());
    }
}
