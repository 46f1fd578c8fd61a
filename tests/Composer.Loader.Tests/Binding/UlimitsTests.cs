using Composer.Model;
using Xunit;

namespace Composer.Loader.Tests.Binding;

public sealed class UlimitsTests
{
    [Fact]
    public void A_number_sets_soft_and_hard_and_the_long_form_sets_each()
    {
        var ulimits = BindingHarness.Web("ulimits:\n  nproc: 65535\n  nofile:\n    soft: 20000\n    hard: 40000").Ulimits;

        Assert.Equal(new Ulimit(65535, 65535), ulimits["nproc"]);
        Assert.Equal(new Ulimit(20000, 40000), ulimits["nofile"]);
    }

    [Fact]
    public void Canonical_form_is_always_soft_and_hard()
    {
        Assert.Equal("""
            ulimits:
              nproc:
                hard: 65535
                soft: 65535

            """, BindingHarness.WebAttributeYaml("ulimits:\n  nproc: 65535", "ulimits"));
    }

    [Fact]
    public void Missing_hard_limit_is_reported()
    {
        var diagnostic = Assert.Single(BindingHarness.Diagnose(BindingHarness.Services("ulimits:\n  nofile:\n    soft: 1")));

        Assert.Equal("services.web.ulimits.nofile", diagnostic.Path);
    }
}
