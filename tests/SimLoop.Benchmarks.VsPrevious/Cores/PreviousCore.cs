extern alias Previous;

using PreviousLoop = Previous::SimLoop;

namespace SimLoop.Benchmarks.VsPrevious.Cores;

/// <summary>The core before the pool-hop mechanism: src/SimLoop at the parent of 137b44e, built from git history by
/// tests/SimLoop.Benchmarks.Previous (which pins the commit).</summary>
public sealed class PreviousCore : Core
{
    public override string Name => "previous";

    public override TimeProvider Clock => PreviousLoop.Sim.Clock;

    public override long Run(Order order, Func<Task> main)
    {
        var simulation = new PreviousLoop.Simulation(new PreviousLoop.SimulationOptions
        {
            Seed = 1,
            Strategy = order == Order.Random
                ? PreviousLoop.ScheduleStrategy.Random
                : PreviousLoop.ScheduleStrategy.Fifo,
        });
        simulation.Run(main);
        return simulation.Steps;
    }

    public override Task Spawn(Func<Task> body) => PreviousLoop.Sim.Spawn(body).Completion;

    public override async Task SimYields(int count)
    {
        for (int i = 0; i < count; i++)
        {
            await PreviousLoop.Sim.Yield();
        }
    }
}
