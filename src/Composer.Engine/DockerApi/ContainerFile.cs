namespace Composer.Engine.DockerApi;

/// <summary>
/// A file written into a created container before it starts (a secret or config whose content does not come from a
/// host file). Uid, gid and mode go into the archive header, which the engine applies as it extracts.
/// </summary>
internal sealed record ContainerFile(string Target, byte[] Content, int Uid, int Gid, int Mode);
