namespace Composer.Orchestration.Watch;

/// <summary>A changed host path, where it goes in the containers, and the rule filter that let it through (for the files of a new folder).</summary>
internal sealed record SyncMapping(string HostPath, string ContainerPath, WatchPathFilter Filter);
