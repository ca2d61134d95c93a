namespace SimLoop.Benchmarks.Workloads;

// What a workload counts as it runs (yields done, timers slept, runs checked): the benchmark returns it, and the
// smoke tests compare it with what the sizes imply, so a benchmark that stops doing its work fails CI.
internal sealed class Counter
{
    public long Value;
}
