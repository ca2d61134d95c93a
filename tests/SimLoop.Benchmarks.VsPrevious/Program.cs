using BenchmarkDotNet.Running;
using SimLoop.Benchmarks.VsPrevious;
using SimLoop.Benchmarks.VsPrevious.Cores;

// `dotnet run -c Release --project tests/SimLoop.Benchmarks.VsPrevious -- --filter '*'` runs the comparison.
// `-- --steps` prints each workload's step count on both cores (what one operation of 100,000 awaits does).
if (args is ["--steps"])
{
    Core[] cores = [new PreviousCore(), new CurrentCore()];
    foreach (Workload workload in Enum.GetValues<Workload>())
    {
        foreach (Order order in Enum.GetValues<Order>())
        {
            string steps = string.Join(
                ", ", cores.Select(core => $"{core.Name} {Workloads.Run(core, order, workload):N0}"));
            Console.WriteLine($"{workload}/{order}: {steps} steps per {Workloads.Awaits:N0} awaits");
        }
    }

    return;
}

BenchmarkSwitcher.FromAssembly(typeof(StepCostBenchmarks).Assembly).Run(args);
