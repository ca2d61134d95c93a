namespace SimLoop.Boundary.Tests.Support;

/// <summary>Runs a simulation on a thread of its own and fails the test if it has not returned within a hard limit,
/// so a case that hangs fails instead of hanging the suite (the thread is left behind as a background thread).</summary>
internal static class HardLimit
{
    /// <summary>Generous for a loaded 2-core machine: every case is meant to end within a few seconds.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    /// <summary>The step limit the corpus runs with, so that each blocked case costs about a second.</summary>
    public static readonly TimeSpan StepLimit = TimeSpan.FromSeconds(1);

    /// <summary>Runs <paramref name="main"/> in a new simulation and returns what <c>Run</c> threw (null if nothing).</summary>
    public static Exception? Run(Func<Task> main, SimulationOptions? options = null) =>
        Run(() => new Simulation(options ?? new SimulationOptions { MaxStepWallTime = StepLimit }).Run(main));

    /// <summary>Runs <paramref name="body"/> on a thread of its own under the hard limit; returns what it threw.</summary>
    public static Exception? Run(Action body)
    {
        Exception? thrown = null;
        var thread = new Thread(() =>
        {
            try
            {
                body();
            }
            catch (Exception exception)
            {
                thrown = exception;
            }
        }) { IsBackground = true, Name = "hard-limited case" };
        thread.Start();
        if (!thread.Join(Budget))
        {
            Assert.Fail($"The case did not return within {Budget.TotalSeconds} s of wall time: it hangs.");
        }

        return thrown;
    }
}
