global using Composer.EndToEnd.Tests.Support;
global using Xunit;

// Every test runs a whole example stack on the one engine, some on the same published ports: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
