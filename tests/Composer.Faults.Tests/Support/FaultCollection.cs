namespace Composer.Faults.Tests.Support;

[CollectionDefinition(Name)]
public sealed class FaultCollection : ICollectionFixture<FaultEngine>
{
    public const string Name = "fault engine";
}
