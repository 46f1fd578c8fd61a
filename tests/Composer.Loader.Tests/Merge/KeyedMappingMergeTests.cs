using static Composer.Loader.Tests.Merge.MergeTestHelper;

namespace Composer.Loader.Tests.Merge;

public sealed class KeyedMappingMergeTests
{
    [Fact]
    public void Environment_maps_merge_by_key() =>
        Assert.Equal(
            "{services: {web: {environment: {A: 1, B: 3, C: 4}}}}",
            MergeService("environment:\n  A: 1\n  B: 2", "environment:\n  B: 3\n  C: 4"));

    [Fact]
    public void Environment_list_and_map_forms_merge_by_key() =>
        Assert.Equal(
            "{services: {web: {environment: {A: \"1\", B: 3, C: ~}}}}",
            MergeService("environment:\n  - A=1\n  - B=2\n  - C", "environment:\n  B: 3"));

    [Fact]
    public void Labels_lists_merge_by_key() =>
        Assert.Equal(
            "{services: {web: {labels: {a: \"x\", b: \"z\"}}}}",
            MergeService("labels: [a=x, b=y]", "labels: [b=z]"));

    [Fact]
    public void Extra_hosts_merge_by_host() =>
        Assert.Equal(
            "{services: {web: {extra_hosts: {db: \"10.0.0.2\", cache: \"10.0.0.3\"}}}}",
            MergeService("extra_hosts: [\"db:10.0.0.1\", \"cache=10.0.0.3\"]", "extra_hosts: [\"db=10.0.0.2\"]"));

    [Fact]
    public void Extra_host_with_several_addresses_keeps_them_all() =>
        Assert.Equal(
            "{services: {web: {extra_hosts: {db: [\"10.0.0.1\", \"::1\"], cache: \"10.0.0.3\"}}}}",
            MergeService("extra_hosts: [\"db=10.0.0.1\", \"db=::1\"]", "extra_hosts: [\"cache=10.0.0.3\"]"));

    [Fact]
    public void Sysctls_merge_by_key() =>
        Assert.Equal(
            "{services: {web: {sysctls: {net.core.somaxconn: 2048, net.ipv4.tcp_syncookies: \"0\"}}}}",
            MergeService("sysctls:\n  - net.core.somaxconn=1024\n  - net.ipv4.tcp_syncookies=0", "sysctls:\n  net.core.somaxconn: 2048"));

    [Fact]
    public void Ulimits_merge_by_name() =>
        Assert.Equal(
            "{services: {web: {ulimits: {nproc: 65535, nofile: {soft: 10, hard: 40}}}}}",
            MergeService("ulimits:\n  nproc: 65535\n  nofile:\n    soft: 10\n    hard: 20", "ulimits:\n  nofile:\n    hard: 40"));

    [Fact]
    public void Build_args_merge_by_key() =>
        Assert.Equal(
            "{services: {web: {build: {context: ., args: {A: \"1\", B: 2}}}}}",
            MergeService("build:\n  context: .\n  args: [A=1]", "build:\n  args:\n    B: 2"));

    [Fact]
    public void Depends_on_list_and_map_merge_by_service() =>
        Assert.Equal(
            "{services: {web: {depends_on: {db: {condition: service_healthy}, cache: {condition: service_started}}}}}",
            MergeService("depends_on: [db, cache]", "depends_on:\n  db:\n    condition: service_healthy"));

    [Fact]
    public void Service_networks_list_and_map_merge_by_name() =>
        Assert.Equal(
            "{services: {web: {networks: {front: {aliases: [w]}, back: ~}}}}",
            MergeService("networks: [front, back]", "networks:\n  front:\n    aliases: [w]"));
}
