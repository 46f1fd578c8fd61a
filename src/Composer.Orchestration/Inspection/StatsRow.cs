namespace Composer.Orchestration.Inspection;

/// <summary>One container's line of <c>stats</c>, as numbers; <see cref="StatsText"/> formats them like the docker CLI.</summary>
public sealed record StatsRow(
    string Id,
    string Name,
    double CpuPercent,
    ulong MemoryUsed,
    ulong MemoryLimit,
    double MemoryPercent,
    ulong NetworkReceived,
    ulong NetworkSent,
    ulong BlockRead,
    ulong BlockWritten,
    ulong Pids);
