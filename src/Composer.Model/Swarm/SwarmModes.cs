namespace Composer.Model.Swarm;

/// <summary>The values of <c>deploy.mode</c> a Swarm knows.</summary>
public static class SwarmModes
{
    public const string Replicated = "replicated";
    public const string Global = "global";
    public const string ReplicatedJob = "replicated-job";
    public const string GlobalJob = "global-job";

    public static bool IsJob(string mode) => mode is ReplicatedJob or GlobalJob;
}
