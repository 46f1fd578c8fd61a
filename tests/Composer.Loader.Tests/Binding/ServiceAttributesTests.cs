using Xunit;

namespace Composer.Loader.Tests.Binding;

public sealed class ServiceAttributesTests
{
    private const string Yaml = """
        image: nginx:1.27
        pull_policy: always
        platform: linux/amd64
        working_dir: /app
        user: "1000:1000"
        hostname: web1
        domainname: example.com
        container_name: my-web
        expose: [3000, "4000-4001/udp"]
        tmpfs: /run
        dns: 8.8.8.8
        dns_search: [example.com]
        dns_opt: [use-vc]
        links: ["db:database"]
        external_links: [redis]
        volumes_from: ["other:ro"]
        profiles: [debug]
        restart: unless-stopped
        stop_signal: SIGUSR1
        cap_add: [NET_ADMIN]
        cap_drop: [ALL]
        init: true
        tty: true
        stdin_open: true
        security_opt: ["label:user:USER"]
        group_add: [mail]
        ipc: shareable
        pid: host
        userns_mode: host
        cgroup: private
        runtime: runc
        cpus: "1.5"
        cpu_shares: 512
        cpu_period: 100000
        cpu_quota: 50000
        cpu_rt_runtime: 400ms
        cpu_rt_period: 1400000
        cpuset: 0-1
        pids_limit: 200
        oom_kill_disable: false
        oom_score_adj: -500
        mem_swappiness: 60
        device_cgroup_rules: ["c 1:3 mr"]
        logging:
          driver: json-file
          options:
            max-size: 10m
            max-file: 3
        mac_address: 02:42:ac:11:00:02
        """;

    [Fact]
    public void Scalar_and_list_attributes_bind()
    {
        var web = BindingHarness.Web(Yaml);

        Assert.Equal("nginx:1.27", web.Image);
        Assert.Equal("always", web.PullPolicy);
        Assert.Equal("1000:1000", web.User);
        Assert.Equal(["3000", "4000-4001/udp"], web.Expose);
        Assert.Equal(["/run"], web.Tmpfs);
        Assert.Equal(["8.8.8.8"], web.Dns);
        Assert.Equal(["debug"], web.Profiles);
        Assert.True(web.Init);
        Assert.Equal(1.5, web.Cpus);
        Assert.Equal(512, web.CpuShares);
        Assert.Equal(400_000, web.CpuRtRuntime);
        Assert.Equal(1_400_000, web.CpuRtPeriod);
        Assert.Equal(-500, web.OomScoreAdj);
        Assert.False(web.OomKillDisable);
        Assert.Equal("json-file", web.Logging!.Driver);
        Assert.Equal("3", web.Logging.Options["max-file"]);
        Assert.Equal("02:42:ac:11:00:02", web.MacAddress);
    }

    [Fact]
    public void Canonical_form_round_trips()
    {
        var yaml = BindingHarness.RoundTrip(BindingHarness.Load(BindingHarness.Services(Yaml)));

        Assert.Contains("    cpus: 1.5\n", yaml, StringComparison.Ordinal);
        Assert.Contains("    user: 1000:1000\n", yaml, StringComparison.Ordinal);
        Assert.Contains("    expose:\n      - \"3000\"\n      - 4000-4001/udp\n", yaml, StringComparison.Ordinal);
        Assert.Contains("    cpu_rt_runtime: 400000\n", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_where_text_is_expected_is_fine_but_a_list_is_not()
    {
        Assert.Equal("42", BindingHarness.Web("hostname: 42").Hostname);

        var diagnostic = Assert.Single(BindingHarness.Diagnose(BindingHarness.Services("image: [nginx]")));
        Assert.Equal("services.web.image", diagnostic.Path);
        Assert.Equal("must be a string", diagnostic.Message);
    }

    [Fact]
    public void A_service_that_is_not_a_mapping_is_reported()
    {
        var diagnostic = Assert.Single(BindingHarness.Diagnose("services:\n  web: nginx"));

        Assert.Equal("services.web", diagnostic.Path);
    }
}
