using BenchmarkDotNet.Attributes;
using SimLoop.Benchmarks.VsPrevious.Cores;

namespace SimLoop.Benchmarks.VsPrevious;

/// <summary>Not the run loop: thread-pool work outside any simulation, in a process where one simulation has run on
/// the previous core (the baseline) or on the current one, or while one runs on the current core. The current core
/// turns on the runtime's thread-pool enqueue/dequeue events while simulations run (ThreadPoolListener) and off a
/// second after the last one ends, so pool work the process queues afterwards (a test host's, other tests') should
/// cost what it did before; while one runs, every item the process queues is reported to it.</summary>
[Config(typeof(VsPreviousConfig))]
public class OutsideLoopBenchmarks
{
    private const int Items = 1_000;

    [GlobalSetup(Target = nameof(AfterPrevious))]
    public void RunPrevious() => Workloads.Run(new PreviousCore(), Order.Fifo, Workload.TaskYield);

    [GlobalSetup(Target = nameof(AfterCurrent))]
    public void RunCurrent()
    {
        Workloads.Run(new CurrentCore(), Order.Fifo, Workload.TaskYield);
        Thread.Sleep(TimeSpan.FromSeconds(2)); // past the listener's idle second, so every iteration measures it off
    }

    private Thread? _running;
    private ManualResetEventSlim? _stop;

    // A simulation kept running for the whole measurement, holding no core: its one step waits on a pool thread.
    [GlobalSetup(Target = nameof(WhileASimulationRuns))]
    public void StartSimulation()
    {
        var stop = new ManualResetEventSlim();
        using var started = new ManualResetEventSlim();
        _stop = stop;
        _running = new Thread(() => new Simulation(new SimulationOptions { MaxStepWallTime = Timeout.InfiniteTimeSpan }).Run(
            () => Task.Run(() =>
            {
                started.Set();
                stop.Wait();
            })))
        { IsBackground = true };
        _running.Start();
        started.Wait();
    }

    [GlobalCleanup(Target = nameof(WhileASimulationRuns))]
    public void StopSimulation()
    {
        _stop!.Set();
        _running!.Join();
        _stop.Dispose();
    }

    /// <summary>1,000 items queued to the pool (ThreadPool.QueueUserWorkItem), waited for together; per item.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Items)]
    public void AfterPrevious() => QueueAndWait();

    [Benchmark(OperationsPerInvoke = Items)]
    public void AfterCurrent() => QueueAndWait();

    [Benchmark(OperationsPerInvoke = Items)]
    public void WhileASimulationRuns() => QueueAndWait();

    private static void QueueAndWait()
    {
        using var done = new CountdownEvent(Items);
        for (int i = 0; i < Items; i++)
        {
            ThreadPool.QueueUserWorkItem(static countdown => countdown.Signal(), done, preferLocal: false);
        }

        done.Wait();
    }
}
