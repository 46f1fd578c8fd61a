using Composer.Engine.Contracts;

namespace Composer.Orchestration.Inspection;

/// <summary>The docker CLI's stats arithmetic on Linux containers, from the engine's raw counters.</summary>
public static class StatsCalculator
{
    public static StatsRow Compute(StatsSample sample, string name) => new(
        sample.Id,
        name,
        CpuPercent(sample),
        MemoryUsed(sample),
        sample.MemoryLimit,
        MemoryPercent(sample),
        sample.NetworkReceived,
        sample.NetworkSent,
        sample.BlockRead,
        sample.BlockWritten,
        sample.Pids);

    /// <summary>
    /// The container's share of the host's CPU time between the two readings, scaled by the CPUs it may use: 100% is
    /// one CPU fully busy. No delta (first reading, stopped container) reads as 0.
    /// </summary>
    public static double CpuPercent(StatsSample sample)
    {
        if (sample.CpuTotal < sample.PreviousCpuTotal || sample.SystemCpu <= sample.PreviousSystemCpu)
        {
            return 0;
        }

        var cpuDelta = (double)(sample.CpuTotal - sample.PreviousCpuTotal);
        var systemDelta = (double)(sample.SystemCpu - sample.PreviousSystemCpu);
        return cpuDelta > 0 ? cpuDelta / systemDelta * sample.OnlineCpus * 100.0 : 0;
    }

    /// <summary>Usage without the page cache the kernel can reclaim, never below zero.</summary>
    public static ulong MemoryUsed(StatsSample sample) =>
        sample.MemoryCache < sample.MemoryUsage ? sample.MemoryUsage - sample.MemoryCache : sample.MemoryUsage;

    public static double MemoryPercent(StatsSample sample) =>
        sample.MemoryLimit == 0 ? 0 : (double)MemoryUsed(sample) / sample.MemoryLimit * 100.0;
}
