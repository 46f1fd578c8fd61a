global using Xunit;

// Every test drives the one engine through whole processes: side by side they would only slow each other down.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
