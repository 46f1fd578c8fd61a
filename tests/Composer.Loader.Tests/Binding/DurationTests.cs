using Composer.Loader.Binding;
using Composer.Model;
using Xunit;

namespace Composer.Loader.Tests.Binding;

public sealed class DurationTests
{
    public static TheoryData<string, long> Durations => new()
    {
        { "10s", 10 * TimeSpan.TicksPerSecond },
        { "1m30s", 90 * TimeSpan.TicksPerSecond },
        { "1h", TimeSpan.TicksPerHour },
        { "500ms", 500 * TimeSpan.TicksPerMillisecond },
        { "1.5s", 15 * TimeSpan.TicksPerSecond / 10 },
        { "2h45m", (2 * TimeSpan.TicksPerHour) + (45 * TimeSpan.TicksPerMinute) },
        { "100us", 100 * TimeSpan.TicksPerMicrosecond },
        { "300ns", 3 },
        { "0", 0 },
    };

    [Theory]
    [MemberData(nameof(Durations))]
    public void Go_duration_strings_parse(string text, long ticks)
    {
        Assert.True(DurationText.TryParse(text, out var duration, out var error), error);
        Assert.Equal(ticks, duration.Ticks);
    }

    [Theory]
    [InlineData("30", "missing unit")]
    [InlineData("10d", "unknown unit")]
    [InlineData("s", "invalid duration")]
    [InlineData("", "invalid duration")]
    [InlineData("99999999999999999999999999h", "too long")]
    [InlineData("9999999999999h", "too long")]
    public void Invalid_durations_explain_why(string text, string message)
    {
        Assert.False(DurationText.TryParse(text, out _, out var error));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0s", "0s")]
    [InlineData("10s", "10s")]
    [InlineData("90s", "1m30s")]
    [InlineData("1h", "1h0m0s")]
    [InlineData("1.5s", "1.5s")]
    [InlineData("500ms", "500ms")]
    [InlineData("1500us", "1.5ms")]
    [InlineData("2us", "2µs")]
    [InlineData("100ns", "100ns")]
    [InlineData("61m", "1h1m0s")]
    public void Durations_format_like_go(string text, string formatted)
    {
        Assert.True(DurationText.TryParse(text, out var duration, out _));
        Assert.Equal(formatted, GoDuration.Format(duration));
    }

    [Fact]
    public void Stop_grace_period_binds_and_prints()
    {
        var service = BindingHarness.Web("stop_grace_period: 1m30s");

        Assert.Equal(TimeSpan.FromSeconds(90), service.StopGracePeriod);
        Assert.Equal("stop_grace_period: 1m30s\n", BindingHarness.WebAttributeYaml("stop_grace_period: 90s", "stop_grace_period"));
    }
}
