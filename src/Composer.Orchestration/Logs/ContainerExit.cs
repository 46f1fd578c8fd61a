namespace Composer.Orchestration.Logs;

/// <summary>A followed container that stopped, with the code its main process returned.</summary>
public sealed record ContainerExit(string Service, string ContainerName, int Number, long ExitCode);
