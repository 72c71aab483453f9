// The tests load 2 cores to the limit and one of them measures a deadline: collections must not overlap.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
