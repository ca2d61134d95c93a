namespace SimLoop.Benchmarks.VsPrevious.Cores;

/// <summary>The live core, src/SimLoop.</summary>
public sealed class CurrentCore : Core
{
    public override string Name => "current";

    public override TimeProvider Clock => Sim.Clock;

    public override long Run(Order order, Func<Task> main)
    {
        var simulation = new Simulation(new SimulationOptions
        {
            Seed = 1,
            Strategy = order == Order.Random ? ScheduleStrategy.Random : ScheduleStrategy.Fifo,
        });
        simulation.Run(main);
        return simulation.Steps;
    }

    public override Task Spawn(Func<Task> body) => Sim.Spawn(body).Completion;

    public override async Task SimYields(int count)
    {
        for (int i = 0; i < count; i++)
        {
            await Sim.Yield();
        }
    }
}
