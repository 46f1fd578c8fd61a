using Composer.Model;
using Xunit;

namespace Composer.Loader.Tests.Binding;

public sealed class DevicesTests
{
    [Theory]
    [InlineData("/dev/ttyUSB0", "/dev/ttyUSB0", "/dev/ttyUSB0", "rwm")]
    [InlineData("/dev/sda:/dev/xvda", "/dev/sda", "/dev/xvda", "rwm")]
    [InlineData("/dev/sda:/dev/xvda:r", "/dev/sda", "/dev/xvda", "r")]
    public void Short_syntax(string spec, string source, string target, string permissions)
    {
        var device = Assert.Single(BindingHarness.Web($"devices: [\"{spec}\"]").Devices);

        Assert.Equal(new DeviceMapping { Source = source, Target = target, Permissions = permissions }, device);
    }

    [Fact]
    public void Long_syntax_and_canonical_form()
    {
        var service = "devices:\n  - source: /dev/a\n    target: /dev/b\n    permissions: rw";

        Assert.Equal(new DeviceMapping { Source = "/dev/a", Target = "/dev/b", Permissions = "rw" }, Assert.Single(BindingHarness.Web(service).Devices));
        Assert.Equal("""
            devices:
              - permissions: rw
                source: /dev/a
                target: /dev/b

            """, BindingHarness.WebAttributeYaml(service, "devices"));
    }

    [Fact]
    public void Too_many_parts_are_reported()
    {
        var diagnostic = Assert.Single(BindingHarness.Diagnose(BindingHarness.Services("devices: [\"/a:/b:rw:x\"]")));

        Assert.Equal("services.web.devices[0]", diagnostic.Path);
    }
}
