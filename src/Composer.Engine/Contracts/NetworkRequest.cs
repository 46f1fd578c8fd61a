using Composer.Model;

namespace Composer.Engine.Contracts;

public sealed record NetworkRequest(string ProjectName, string Key, Network Network);
