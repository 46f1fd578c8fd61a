using System.Globalization;
using Composer.Model.Swarm;

namespace Composer.Orchestration.Stack;

/// <summary>
/// The slot a task is named by (<c>web.2</c>), one rule for ps, logs and wait errors: replicated services count
/// slots from 1, replicated jobs from 0 (so slot 0 is a slot, not "none"; the engine leaves a zero slot out of its
/// JSON, so a job task without one is slot 0); tasks of the global modes have no slot and are named by their node.
/// </summary>
internal static class TaskSlots
{
    public static string? Of(string mode, SwarmTaskState task) => (mode, task.Slot) switch
    {
        (SwarmModes.Replicated, > 0) => task.Slot.Value.ToString(CultureInfo.InvariantCulture),
        (SwarmModes.ReplicatedJob, _) => (task.Slot ?? 0).ToString(CultureInfo.InvariantCulture),
        _ => null,
    };
}
