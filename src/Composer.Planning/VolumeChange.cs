namespace Composer.Planning;

/// <summary>A volume whose definition in the file no longer matches the volume the engine has.</summary>
/// <param name="Key">Its compose key.</param>
/// <param name="Name">Its engine name.</param>
/// <param name="Change">What differs, e.g. "driver_opts.size changed".</param>
public sealed record VolumeChange(string Key, string Name, string Change);
