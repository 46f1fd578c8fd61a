namespace Composer.Cli.Tests.Engine;

/// <summary>Engine tests of this assembly run one at a time: they share one engine with a 2-core machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EngineCollection
{
    public const string Name = "engine";
}
