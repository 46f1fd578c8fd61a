using Composer.Engine.Contracts;
using Docker.DotNet.Models;

namespace Composer.Engine.DockerApi;

/// <summary>Picks the counters the docker CLI's stats columns are computed from out of the engine's stats JSON.</summary>
internal static class StatsSampleTranslator
{
    public static StatsSample Translate(string idOrName, ContainerStatsResponse reading)
    {
        var memory = reading.MemoryStats;
        var networks = reading.Networks?.Values ?? [];
        var blockIo = reading.BlkioStats?.IoServiceBytesRecursive ?? [];
        return new StatsSample
        {
            Id = string.IsNullOrEmpty(reading.ID) ? idOrName : reading.ID,
            Name = (reading.Name ?? "").TrimStart('/'),
            CpuTotal = reading.CPUStats?.CPUUsage?.TotalUsage ?? 0,
            PreviousCpuTotal = reading.PreCPUStats?.CPUUsage?.TotalUsage ?? 0,
            SystemCpu = reading.CPUStats?.SystemUsage ?? 0,
            PreviousSystemCpu = reading.PreCPUStats?.SystemUsage ?? 0,
            OnlineCpus = reading.CPUStats is { } cpu
                ? cpu.OnlineCPUs is > 0 ? (uint)cpu.OnlineCPUs : (uint)(cpu.CPUUsage?.PercpuUsage?.Count ?? 0)
                : 0,
            MemoryUsage = memory?.Usage ?? 0,
            MemoryCache = Cache(memory),
            MemoryLimit = memory?.Limit ?? 0,
            NetworkReceived = (ulong)networks.Sum(network => (decimal)network.RxBytes),
            NetworkSent = (ulong)networks.Sum(network => (decimal)network.TxBytes),
            BlockRead = Sum(blockIo, "read"),
            BlockWritten = Sum(blockIo, "write"),
            Pids = reading.PidsStats?.Current ?? 0,
        };
    }

    // The docker CLI counts the inactive page cache as free: cgroup v1 names it total_inactive_file, v2 inactive_file.
    private static ulong Cache(MemoryStats? memory)
    {
        var stats = memory?.Stats;
        if (stats is null)
        {
            return 0;
        }

        return stats.TryGetValue("total_inactive_file", out var v1) ? v1
            : stats.TryGetValue("inactive_file", out var v2) ? v2
            : 0;
    }

    private static ulong Sum(IEnumerable<BlkioStatEntry> entries, string operation) =>
        (ulong)entries.Where(entry => string.Equals(entry.Op, operation, StringComparison.OrdinalIgnoreCase)).Sum(entry => (decimal)entry.Value);
}
