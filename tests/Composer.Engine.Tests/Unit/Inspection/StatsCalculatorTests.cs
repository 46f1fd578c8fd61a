using Composer.Engine.Contracts;
using Composer.Orchestration.Inspection;

namespace Composer.Engine.Tests.Unit.Inspection;

public sealed class StatsCalculatorTests
{
    private static StatsSample Sample() => new()
    {
        Id = "abc",
        PreviousCpuTotal = 1_000,
        CpuTotal = 3_000,
        PreviousSystemCpu = 100_000,
        SystemCpu = 120_000,
        OnlineCpus = 4,
        MemoryUsage = 10 * 1024 * 1024,
        MemoryCache = 2 * 1024 * 1024,
        MemoryLimit = 80 * 1024 * 1024,
    };

    [Fact]
    public void Cpu_percent_is_the_cpu_delta_over_the_system_delta_times_the_online_cpus()
    {
        // 2000 / 20000 * 4 * 100
        Assert.Equal(40.0, StatsCalculator.CpuPercent(Sample()), 6);
    }

    [Fact]
    public void Cpu_percent_is_zero_without_a_system_delta_or_when_counters_went_back()
    {
        Assert.Equal(0, StatsCalculator.CpuPercent(Sample() with { SystemCpu = 100_000 }));
        Assert.Equal(0, StatsCalculator.CpuPercent(Sample() with { CpuTotal = 500 }));
    }

    [Fact]
    public void Memory_used_leaves_out_the_reclaimable_cache_and_percent_is_of_the_limit()
    {
        Assert.Equal(8UL * 1024 * 1024, StatsCalculator.MemoryUsed(Sample()));
        Assert.Equal(10.0, StatsCalculator.MemoryPercent(Sample()), 6);
        Assert.Equal(0, StatsCalculator.MemoryPercent(Sample() with { MemoryLimit = 0 }));
        Assert.Equal(100UL, StatsCalculator.MemoryUsed(Sample() with { MemoryUsage = 100, MemoryCache = 500 }));
    }

    [Theory]
    [InlineData(0UL, "0B", "0B")]
    [InlineData(512UL, "512B", "512B")]
    [InlineData(1450UL, "1.416KiB", "1.45kB")]
    [InlineData(10UL * 1024 * 1024, "10MiB", "10.5MB")]
    [InlineData(25_275_826_176UL, "23.54GiB", "25.3GB")]
    public void Sizes_read_like_the_docker_cli(ulong bytes, string binary, string decimalText)
    {
        Assert.Equal(binary, StatsText.Binary(bytes));
        Assert.Equal(decimalText, StatsText.Decimal(bytes));
    }

    [Fact]
    public void Percentages_have_two_decimals()
    {
        Assert.Equal("0.00%", StatsText.Percent(0));
        Assert.Equal("12.35%", StatsText.Percent(12.345678));
    }
}
