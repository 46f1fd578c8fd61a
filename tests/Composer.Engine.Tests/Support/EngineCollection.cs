namespace Composer.Engine.Tests.Support;

/// <summary>Integration tests share the engine and run one at a time: the machine has two cores.</summary>
[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>
{
    public const string Name = "engine";
}
