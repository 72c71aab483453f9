// Each fixture runs a whole AppHost with fixed ports; two at once on 2 cores compete for CPU and for ports.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
