namespace Composer.Model;

/// <summary>Why one service needs another: the attribute that names it.</summary>
public enum ReferenceReason
{
    /// <summary><c>depends_on</c> (including the entries the loader implied from the reasons below).</summary>
    DependsOn,
    Link,
    VolumesFrom,
    NetworkMode,
    Ipc,
    Pid,
    Uts,
    Cgroup,
}
