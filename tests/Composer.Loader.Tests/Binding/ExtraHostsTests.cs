using Composer.Model;
using Xunit;

namespace Composer.Loader.Tests.Binding;

public sealed class ExtraHostsTests
{
    [Theory]
    [InlineData("somehost:162.242.195.82", "somehost", "162.242.195.82")]
    [InlineData("somehost=162.242.195.82", "somehost", "162.242.195.82")]
    [InlineData("myhostv6:::1", "myhostv6", "::1")]
    [InlineData("myhostv6=::1", "myhostv6", "::1")]
    [InlineData("myhostv6=[::1]", "myhostv6", "::1")]
    public void List_entries_split_at_the_first_separator(string entry, string host, string address)
    {
        var extraHost = Assert.Single(BindingHarness.Web($"extra_hosts: [\"{entry}\"]").ExtraHosts);

        Assert.Equal(new ExtraHost(host, address), extraHost);
    }

    [Fact]
    public void Map_form_takes_one_address_or_a_list()
    {
        var hosts = BindingHarness.Web("extra_hosts:\n  one: 10.0.0.1\n  many: [10.0.0.2, \"::2\"]").ExtraHosts;

        Assert.Equal([new ExtraHost("one", "10.0.0.1"), new ExtraHost("many", "10.0.0.2"), new ExtraHost("many", "::2")], hosts);
    }

    [Fact]
    public void Canonical_form_is_host_equals_address()
    {
        Assert.Equal("""
            extra_hosts:
              - db=10.0.0.1
              - v6=::1

            """, BindingHarness.WebAttributeYaml("extra_hosts: [\"db:10.0.0.1\", \"v6:::1\"]", "extra_hosts"));
    }

    [Fact]
    public void An_entry_without_address_is_reported()
    {
        var diagnostic = Assert.Single(BindingHarness.Diagnose(BindingHarness.Services("extra_hosts: [justahost]")));

        Assert.Equal("services.web.extra_hosts[0]", diagnostic.Path);
    }
}
