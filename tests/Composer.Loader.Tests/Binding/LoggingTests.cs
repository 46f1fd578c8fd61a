using Xunit;

namespace Composer.Loader.Tests.Binding;

public sealed class LoggingTests
{
    [Fact]
    public void Driver_and_options_bind_with_numbers_as_text()
    {
        var logging = BindingHarness.Web("logging:\n  driver: syslog\n  options:\n    syslog-address: tcp://192.168.0.42:123\n    max-file: 3").Logging!;

        Assert.Equal("syslog", logging.Driver);
        Assert.Equal("tcp://192.168.0.42:123", logging.Options["syslog-address"]);
        Assert.Equal("3", logging.Options["max-file"]);
    }

    [Fact]
    public void Canonical_form()
    {
        Assert.Equal("""
            logging:
              driver: json-file
              options:
                max-file: "3"
                max-size: 10m

            """, BindingHarness.WebAttributeYaml("logging:\n  driver: json-file\n  options: {max-size: 10m, max-file: 3}", "logging"));
    }

    [Fact]
    public void An_unknown_key_is_reported_at_the_key()
    {
        var diagnostic = Assert.Single(BindingHarness.Diagnose(BindingHarness.Services("logging:\n  drivr: syslog")));

        Assert.Equal("services.web.logging.drivr", diagnostic.Path);
        Assert.Equal((4, 7), (diagnostic.Mark.Line, diagnostic.Mark.Column));
    }
}
