namespace SimLoop.Properties;

// Runs a NestPlan inside a simulation: level k awaits level k+1 (in the same task, or in a task of its own),
// the innermost waits in Sim.Delay; every level records its catch and finally in a shared log. Then its model:
// the log each outcome must produce, computed from the plan alone.
internal sealed class Nest
{
    private readonly NestPlan _plan;
    private readonly List<NestEvent> _log;

    public Nest(NestPlan plan, List<NestEvent> log)
    {
        _plan = plan;
        _log = log;
    }

    public SimTask Spawn(string name) => Sim.Spawn(() => Level(1), name);

    /// <summary>The log of a nest that is cancelled at <paramref name="cancelAt"/> while the innermost level waits:
    /// innermost first, each finally once, each catch's wait adding to the time.</summary>
    public static List<NestEvent> CancelledLog(NestPlan plan, TimeSpan cancelAt, out TimeSpan end)
    {
        List<NestEvent> log = EnterLog(plan);
        TimeSpan at = cancelAt;
        for (int level = plan.Depth; level >= 1; level--)
        {
            log.Add(new NestEvent("Catch", level, at));
            at += TimeSpan.FromMilliseconds(Math.Max(0, plan.Levels[level - 1].CatchDelayMs));
            log.Add(new NestEvent("Finally", level, at));
        }

        end = at;
        return log;
    }

    /// <summary>The log of a nest that runs to completion: every level completes and runs its finally at the time
    /// the innermost delay ends.</summary>
    public static List<NestEvent> CompletedLog(NestPlan plan)
    {
        List<NestEvent> log = EnterLog(plan);
        TimeSpan at = TimeSpan.FromMilliseconds(plan.InnermostDelayMs);
        for (int level = plan.Depth; level >= 1; level--)
        {
            log.Add(new NestEvent("Completed", level, at));
            log.Add(new NestEvent("Finally", level, at));
        }

        return log;
    }

    private static List<NestEvent> EnterLog(NestPlan plan)
    {
        var log = new List<NestEvent>();
        for (int level = 1; level <= plan.Depth; level++)
        {
            log.Add(new NestEvent("Enter", level, TimeSpan.Zero));
        }

        return log;
    }

    private async Task Level(int level)
    {
        NestLevel shape = _plan.Levels[level - 1];
        try
        {
            _log.Add(new NestEvent("Enter", level, Sim.Elapsed));
            await Inner(level);
            _log.Add(new NestEvent("Completed", level, Sim.Elapsed));
        }
        catch (OperationCanceledException)
        {
            _log.Add(new NestEvent("Catch", level, Sim.Elapsed));
            if (shape.CatchDelayMs >= 0)
            {
                // Cancellation is delivered once: this wait must wait normally.
                await Sim.Delay(TimeSpan.FromMilliseconds(shape.CatchDelayMs));
            }

            throw;
        }
        finally
        {
            _log.Add(new NestEvent("Finally", level, Sim.Elapsed));
            if (shape.FinallyYields)
            {
                await Sim.Yield();
            }
        }
    }

    private async Task Inner(int level)
    {
        if (level == _plan.Depth)
        {
            await Innermost(TimeSpan.FromMilliseconds(_plan.InnermostDelayMs));
        }
        else if (_plan.Levels[level].AsTask)
        {
            await Sim.Spawn(() => Level(level + 1), "level-" + (level + 1).ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            await Level(level + 1);
        }
    }

    private Task Innermost(TimeSpan delay) => _plan.Innermost switch
    {
        InnermostWait.ClockDelay => Task.Delay(delay, Sim.Clock, Sim.CurrentTask!.CancellationToken),
        InnermostWait.WaitFor => Sim.WaitFor(Sim.Spawn(() => Sim.Delay(delay), "innermost"), delay + TimeSpan.FromSeconds(10)),
        InnermostWait.Shield => Sim.Shield(Sim.Spawn(() => Sim.Delay(delay), "innermost")),
        _ => Sim.Delay(delay),
    };
}
