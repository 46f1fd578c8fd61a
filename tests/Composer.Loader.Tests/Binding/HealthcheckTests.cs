using Xunit;

namespace Composer.Loader.Tests.Binding;

public sealed class HealthcheckTests
{
    [Fact]
    public void A_string_test_runs_in_a_shell()
    {
        var healthcheck = BindingHarness.Web("healthcheck:\n  test: curl -f http://localhost || exit 1").Healthcheck!;

        Assert.Equal(["CMD-SHELL", "curl -f http://localhost || exit 1"], healthcheck.Test!);
    }

    [Fact]
    public void A_list_test_is_kept_with_durations_and_retries()
    {
        var healthcheck = BindingHarness.Web("""
            healthcheck:
              test: ["CMD", "pg_isready", "-U", "postgres"]
              interval: 1m30s
              timeout: 10s
              start_period: 500ms
              start_interval: 1.5s
              retries: 3
            """).Healthcheck!;

        Assert.Equal(["CMD", "pg_isready", "-U", "postgres"], healthcheck.Test!);
        Assert.Equal(TimeSpan.FromSeconds(90), healthcheck.Interval);
        Assert.Equal(TimeSpan.FromSeconds(10), healthcheck.Timeout);
        Assert.Equal(TimeSpan.FromMilliseconds(500), healthcheck.StartPeriod);
        Assert.Equal(TimeSpan.FromSeconds(1.5), healthcheck.StartInterval);
        Assert.Equal(3, healthcheck.Retries);
        Assert.False(healthcheck.Disable);
    }

    [Fact]
    public void Disable_is_kept()
    {
        var healthcheck = BindingHarness.Web("healthcheck:\n  disable: true").Healthcheck!;

        Assert.True(healthcheck.Disable);
        Assert.Null(healthcheck.Test);
    }

    [Fact]
    public void Canonical_form_prints_durations_go_style()
    {
        var yaml = BindingHarness.WebAttributeYaml("""
            healthcheck:
              test: curl -f http://localhost
              interval: 90s
              timeout: 1h
              start_period: 0s
              retries: 5
            """, "healthcheck");

        Assert.Equal("""
            healthcheck:
              interval: 1m30s
              retries: 5
              start_period: 0s
              test:
                - CMD-SHELL
                - curl -f http://localhost
              timeout: 1h0m0s

            """, yaml);
    }

    [Fact]
    public void A_duration_without_unit_is_reported()
    {
        var diagnostic = Assert.Single(BindingHarness.Diagnose(BindingHarness.Services("healthcheck:\n  interval: 30")));

        Assert.Equal("services.web.healthcheck.interval", diagnostic.Path);
        Assert.Contains("missing unit", diagnostic.Message, StringComparison.Ordinal);
    }
}
