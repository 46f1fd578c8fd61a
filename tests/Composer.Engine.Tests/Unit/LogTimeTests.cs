using Composer.Orchestration.Logs;

namespace Composer.Engine.Tests.Unit;

public sealed class LogTimeTests
{
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("10m", "2024-05-01T11:50:00Z")]
    [InlineData("1h30m", "2024-05-01T10:30:00Z")]
    [InlineData("1.5h", "2024-05-01T10:30:00Z")]
    [InlineData("45s", "2024-05-01T11:59:15Z")]
    [InlineData("2024-05-01T08:00:00Z", "2024-05-01T08:00:00Z")]
    [InlineData("2024-05-01T08:00:00+02:00", "2024-05-01T06:00:00Z")]
    [InlineData("2024-05-01", "2024-05-01T00:00:00Z")]
    public void Durations_and_dates_become_engine_seconds(string value, string expected)
    {
        Assert.Equal(LogTime.Format(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)), LogTime.ToEngineTime(value, Now));
    }

    [Fact]
    public void Unix_timestamps_pass_through()
    {
        Assert.Equal("1714564800.5", LogTime.ToEngineTime("1714564800.5", Now));
    }

    [Fact]
    public void Engine_seconds_carry_nine_digits_of_fraction()
    {
        Assert.Equal("1714564800.250000000", LogTime.Format(Now.AddMilliseconds(250)));
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("10 minutes")]
    [InlineData("")]
    public void Anything_else_is_refused(string value)
    {
        Assert.Throws<FormatException>(() => LogTime.ToEngineTime(value, Now));
    }
}
