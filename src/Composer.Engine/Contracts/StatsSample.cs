namespace Composer.Engine.Contracts;

/// <summary>
/// The raw counters of one stats reading, with the previous CPU reading the engine took just before; the docker CLI's
/// percentages are computed from these (see the orchestration's stats calculator).
/// </summary>
public sealed record StatsSample
{
    public required string Id { get; init; }
    public string Name { get; init; } = "";
    public ulong CpuTotal { get; init; }
    public ulong PreviousCpuTotal { get; init; }
    public ulong SystemCpu { get; init; }
    public ulong PreviousSystemCpu { get; init; }

    /// <summary>CPUs the container may use: online_cpus, or the length of the per-CPU list on older engines.</summary>
    public uint OnlineCpus { get; init; }
    public ulong MemoryUsage { get; init; }

    /// <summary>Page cache the kernel can drop (inactive_file, or total_inactive_file on cgroup v1): not counted as used.</summary>
    public ulong MemoryCache { get; init; }
    public ulong MemoryLimit { get; init; }
    public ulong NetworkReceived { get; init; }
    public ulong NetworkSent { get; init; }
    public ulong BlockRead { get; init; }
    public ulong BlockWritten { get; init; }
    public ulong Pids { get; init; }
}
