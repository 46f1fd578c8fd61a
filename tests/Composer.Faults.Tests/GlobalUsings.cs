global using Xunit;

// One engine of the suite's own, killed and restarted by some trials: the trials run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
