// One swarm for the whole project: its tests run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
