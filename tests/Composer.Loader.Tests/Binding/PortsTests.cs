using Composer.Model;
using Xunit;

namespace Composer.Loader.Tests.Binding;

public sealed class PortsTests
{
    [Fact]
    public void Container_port_alone_lets_the_engine_choose_the_host_port()
    {
        var port = Assert.Single(BindingHarness.Web("""ports: ["80"]""").Ports);

        Assert.Equal(80, port.Target);
        Assert.Null(port.Published);
        Assert.Null(port.HostIp);
        Assert.Equal("tcp", port.Protocol);
        Assert.Equal("ingress", port.Mode);
    }

    [Fact]
    public void Host_and_container_port_publish_the_host_port_as_a_string()
    {
        var port = Assert.Single(BindingHarness.Web("""ports: ["8080:80"]""").Ports);

        Assert.Equal(80, port.Target);
        Assert.Equal("8080", port.Published);
    }

    [Fact]
    public void Host_ip_and_protocol_are_split_off()
    {
        var port = Assert.Single(BindingHarness.Web("""ports: ["127.0.0.1:8080:80/udp"]""").Ports);

        Assert.Equal("127.0.0.1", port.HostIp);
        Assert.Equal("8080", port.Published);
        Assert.Equal(80, port.Target);
        Assert.Equal("udp", port.Protocol);
    }

    [Theory]
    [InlineData("[::1]:80:80", "::1", "80")]
    [InlineData("[::1]::80", "::1", null)]
    [InlineData("::1:8080:80", "::1", "8080")]
    [InlineData("127.0.0.1::80", "127.0.0.1", null)]
    public void Ipv6_host_addresses_may_be_bracketed_or_bare(string spec, string hostIp, string? published)
    {
        var port = Assert.Single(BindingHarness.Web($"ports: [\"{spec}\"]").Ports);

        Assert.Equal(hostIp, port.HostIp);
        Assert.Equal(published, port.Published);
        Assert.Equal(80, port.Target);
    }

    [Fact]
    public void Equal_ranges_expand_to_one_entry_per_port()
    {
        var ports = BindingHarness.Web("""ports: ["8000-8001:80-81"]""").Ports;

        Assert.Equal([(80, "8000"), (81, "8001")], ports.Select(port => (port.Target, port.Published!)));
    }

    [Fact]
    public void A_host_range_for_one_container_port_stays_a_range()
    {
        var port = Assert.Single(BindingHarness.Web("""ports: ["9090-9091:8080"]""").Ports);

        Assert.Equal(8080, port.Target);
        Assert.Equal("9090-9091", port.Published);
    }

    [Fact]
    public void A_container_range_alone_expands_without_host_ports()
    {
        var ports = BindingHarness.Web("""ports: ["3000-3002"]""").Ports;

        Assert.Equal([3000, 3001, 3002], ports.Select(port => port.Target));
        Assert.All(ports, port => Assert.Null(port.Published));
    }

    [Fact]
    public void Numbers_are_accepted_like_strings()
    {
        var port = Assert.Single(BindingHarness.Web("ports: [3000]").Ports);

        Assert.Equal(3000, port.Target);
    }

    [Fact]
    public void Long_syntax_keeps_every_field_and_takes_a_numeric_published_port()
    {
        var port = Assert.Single(BindingHarness.Web("""
            ports:
              - target: 80
                published: 8080
                host_ip: 0.0.0.0
                protocol: udp
                mode: host
                name: web
                app_protocol: http
            """).Ports);

        Assert.Equal(
            new ServicePort { Target = 80, Published = "8080", HostIp = "0.0.0.0", Protocol = "udp", Mode = "host", Name = "web", AppProtocol = "http" },
            port);
    }

    [Fact]
    public void Canonical_form_is_long_syntax_with_quoted_published_ports()
    {
        var yaml = BindingHarness.WebAttributeYaml("""ports: ["127.0.0.1:8080:80/udp", "9090-9091:8080", 22]""", "ports");

        Assert.Equal("""
            ports:
              - host_ip: 127.0.0.1
                mode: ingress
                protocol: udp
                published: "8080"
                target: 80
              - mode: ingress
                protocol: tcp
                published: 9090-9091
                target: 8080
              - mode: ingress
                protocol: tcp
                target: 22

            """, yaml);
    }

    [Theory]
    [InlineData("8000-8002:80-81", "differ in size")]
    [InlineData("abc:80", "is not a port")]
    [InlineData("999999", "is not a port")]
    [InlineData("nothost:80:80", "is not an IP address")]
    [InlineData("80/", "empty protocol")]
    public void Invalid_short_syntax_is_a_located_diagnostic(string spec, string message)
    {
        var diagnostic = Assert.Single(BindingHarness.Diagnose(BindingHarness.Services($"ports:\n  - \"{spec}\"")));

        Assert.Equal("services.web.ports[0]", diagnostic.Path);
        Assert.Contains(message, diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal((4, 9), (diagnostic.Mark.Line, diagnostic.Mark.Column));
        Assert.Equal(TestTrees.FileName, diagnostic.Mark.File);
    }

    [Fact]
    public void Long_syntax_without_target_is_reported()
    {
        var diagnostic = Assert.Single(BindingHarness.Diagnose(BindingHarness.Services("ports:\n  - published: 80")));

        Assert.Equal("services.web.ports[0]", diagnostic.Path);
        Assert.Contains("target", diagnostic.Message, StringComparison.Ordinal);
    }
}
