namespace Composer.Engine.Resilience;

/// <summary>What an engine call does, which decides how it may be retried (see <see cref="EnginePolicies"/>).</summary>
internal enum CallKind
{
    /// <summary>Reads state (list, inspect, top, stats): repeating it is always safe.</summary>
    Query,

    /// <summary>Changes state (create, start, rename, remove, ...): repeated only when the engine certainly did not act.</summary>
    Change,

    /// <summary>Blocks or streams for as long as it takes (wait, stop, logs, events, attach, pull, push, build).</summary>
    Blocking,
}
