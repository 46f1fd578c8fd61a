using static Composer.Loader.Tests.Merge.MergeTestHelper;

namespace Composer.Loader.Tests.Merge;

public sealed class SequenceMergeTests
{
    [Fact]
    public void Ports_append_when_different() =>
        Assert.Equal(
            "{services: {web: {ports: [\"80:80\", \"443:443\"]}}}",
            MergeService("ports: [\"80:80\"]", "ports: [\"443:443\"]"));

    [Fact]
    public void Same_port_binding_is_not_repeated() =>
        Assert.Equal(
            "{services: {web: {ports: [\"8080:80\"]}}}",
            MergeService("ports: [\"8080:80\"]", "ports: [\"8080:80\"]"));

    [Fact]
    public void Port_identity_spans_short_and_long_syntax() =>
        Assert.Equal(
            "{services: {web: {ports: [{target: 80, published: \"8080\", protocol: tcp, mode: host}]}}}",
            MergeService("ports: [\"8080:80\"]", "ports:\n  - target: 80\n    published: \"8080\"\n    protocol: tcp\n    mode: host"));

    [Fact]
    public void Same_target_with_other_protocol_is_another_port() =>
        Assert.Equal(
            "{services: {web: {ports: [\"53:53\", \"53:53/udp\"]}}}",
            MergeService("ports: [\"53:53\"]", "ports: [\"53:53/udp\"]"));

    [Fact]
    public void Same_target_on_another_host_ip_is_another_port() =>
        Assert.Equal(
            "{services: {web: {ports: [\"127.0.0.1:80:80\", \"10.0.0.1:80:80\"]}}}",
            MergeService("ports: [\"127.0.0.1:80:80\"]", "ports: [\"10.0.0.1:80:80\"]"));

    [Fact]
    public void Volumes_are_unique_by_target() =>
        Assert.Equal(
            "{services: {web: {volumes: [\"./new:/data\", \"logs:/logs\"]}}}",
            MergeService("volumes: [\"./old:/data:ro\", \"logs:/logs\"]", "volumes: [\"./new:/data\"]"));

    [Fact]
    public void Volume_long_syntax_replaces_short_with_same_target() =>
        Assert.Equal(
            "{services: {web: {volumes: [{type: volume, source: data, target: /data}]}}}",
            MergeService("volumes: [\"other:/data\"]", "volumes:\n  - type: volume\n    source: data\n    target: /data"));

    [Fact]
    public void Secrets_are_unique_by_target() =>
        Assert.Equal(
            "{services: {web: {secrets: [{source: token, target: /run/secrets/token, mode: 0400}, other]}}}",
            MergeService("secrets: [token, other]", "secrets:\n  - source: token\n    target: /run/secrets/token\n    mode: 0400"));

    [Fact]
    public void Configs_are_unique_by_target() =>
        Assert.Equal(
            "{services: {web: {configs: [{source: app, target: /app}]}}}",
            MergeService("configs: [app]", "configs:\n  - source: app\n    target: /app"));

    [Theory]
    [InlineData("dns")]
    [InlineData("dns_search")]
    [InlineData("expose")]
    [InlineData("cap_add")]
    [InlineData("profiles")]
    [InlineData("env_file")]
    public void Name_lists_append_without_duplicates(string attribute) =>
        Assert.Equal(
            $"{{services: {{web: {{{attribute}: [a, b, c]}}}}}}",
            MergeService($"{attribute}: [a, b]", $"{attribute}: [b, c]"));

    [Fact]
    public void Merging_the_same_override_twice_changes_nothing()
    {
        const string first = "services:\n  web:\n    dns: [8.8.8.8]\n    env_file: [common.env]\n    post_start: [{command: a}]\n    ports: [\"80:80\"]\n";
        const string second = "services:\n  web:\n    dns: [9.9.9.9]\n    env_file: [common.env, web.env]\n    post_start: [{command: a}, {command: b}]\n    ports: [\"80:80\", \"81:81\"]\n";

        Assert.Equal(MergeFiles(first, second), MergeFiles(first, second, second));
    }

    [Fact]
    public void Key_value_list_repeating_a_key_ends_with_its_last_value() =>
        Assert.Equal(
            "{services: {web: {environment: {MODE: \"release\"}}}}",
            MergeService("environment: [MODE=release]", "environment: [MODE=debug, MODE=release]"));

    [Fact]
    public void Single_string_dns_merges_with_list() =>
        Assert.Equal("{services: {web: {dns: [1.1.1.1, 8.8.8.8]}}}", MergeService("dns: 1.1.1.1", "dns: [8.8.8.8]"));
}
