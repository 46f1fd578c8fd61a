using Composer.Model;

namespace Composer.Engine.Contracts;

public sealed record VolumeRequest(string ProjectName, string Key, Volume Volume);
