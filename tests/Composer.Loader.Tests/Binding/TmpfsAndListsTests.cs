using Xunit;

namespace Composer.Loader.Tests.Binding;

public sealed class TmpfsAndListsTests
{
    [Theory]
    [InlineData("tmpfs: /run", new[] { "/run" })]
    [InlineData("tmpfs: [/run, \"/tmp:size=64m\"]", new[] { "/run", "/tmp:size=64m" })]
    public void Tmpfs_takes_a_string_or_a_list(string yaml, string[] expected)
    {
        Assert.Equal(expected, BindingHarness.Web(yaml).Tmpfs);
    }

    [Theory]
    [InlineData("dns: 1.1.1.1", new[] { "1.1.1.1" })]
    [InlineData("dns: [1.1.1.1, 8.8.8.8]", new[] { "1.1.1.1", "8.8.8.8" })]
    public void Dns_takes_a_string_or_a_list(string yaml, string[] expected)
    {
        Assert.Equal(expected, BindingHarness.Web(yaml).Dns);
    }

    [Fact]
    public void Expose_turns_numbers_into_strings_and_prints_them_quoted()
    {
        Assert.Equal(["80", "9000-9001"], BindingHarness.Web("expose: [80, 9000-9001]").Expose);
        Assert.Equal("""
            expose:
              - "80"

            """, BindingHarness.WebAttributeYaml("expose: [80]", "expose"));
    }

    [Fact]
    public void Cap_add_must_be_a_list()
    {
        var diagnostic = Assert.Single(BindingHarness.Diagnose(BindingHarness.Services("cap_add: NET_ADMIN")));

        Assert.Equal("services.web.cap_add", diagnostic.Path);
        Assert.Equal("must be a list", diagnostic.Message);
    }
}
