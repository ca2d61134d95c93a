using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Parameters;
using SimLoop.Benchmarks.Reporting;
using SimLoop.Benchmarks.Workloads;

namespace SimLoop.Benchmarks.Benchmarks;

/// <summary>Seeds as a test runs them: <c>SimulationRunner.Check</c> (the engine of <c>[SimulationTest]</c>), one
/// simulation per seed under Random, on one core and on all of them, with its tallies, its claims and the NUnit context
/// each worker's seeds share; <see cref="ParallelSeedBenchmarks"/> measures the bare simulations.</summary>
[Config(typeof(SuiteConfig))]
[Unit("seed", Workload = "seeds through SimulationRunner.Check, Random (floor column: 1 core)", PerSecond = true)]
public class SeedRunnerBenchmarks
{
    [Params("cancel_me", "get_html")]
    public string Note { get; set; } = "cancel_me";

    public int Seeds { get; set; } = 20_000;

    public static double UnitsPerOperation(ParameterInstances parameters) => 20_000;

    [Benchmark(Baseline = true, Description = "SimulationRunner.Check, 1 core")]
    public long OneCore() => Run(1);

    [Benchmark(Description = "SimulationRunner.Check, all cores")]
    [Target(1 / 1.8)]
    public long AllCores() => Run(Environment.ProcessorCount);

    // Returns the checked runs, counted per thread: a shared counter would be the contention this measures.
    private long Run(int cores)
    {
        string note = Note;
        using var checkedRuns = new ThreadLocal<long>(trackAllValues: true);
        // Not an async lambda: its state machine would be bytes per seed that ParallelSeedBenchmarks' runs do not have.
        // A run whose output differs throws, and Check then throws, so every run counted was checked.
        SimulationRunner.Check(sim =>
        {
            checkedRuns.Value++;
            return NoteWorkload.RunInside(note, sim);
        }, new SeedRunOptions
        {
            Seeds = Seeds,
            Strategy = ScheduleStrategy.Random,
            MaxDegreeOfParallelism = cores,
            TestName = "SeedRunnerBenchmarks",
            Progress = TextWriter.Null,
            Environment = static _ => null, // SIMLOOP_* variables of the shell do not change what is measured
        });
        return checkedRuns.Values.Sum();
    }
}
