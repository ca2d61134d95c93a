namespace SimLoop;

/// <summary>Where the log lines of a test's simulations go, as set by <see cref="SimulationTestAttribute.Log"/>.</summary>
/// <remarks>Each line carries the seed, the virtual time, the step and the task that logged it, such as
/// <c>seed 7: [00:00:01.5 #12 'main'] info Orders: order 1 placed</c>. Whatever this says, a failing seed's report
/// carries that seed's log lines.</remarks>
public enum SimulationLogOutput
{
    /// <summary>Nowhere: passing seeds do not log at all (the default).</summary>
    None,

    /// <summary>NUnit's <c>TestContext.Out</c>: the test's own output, shown with its result.</summary>
    Out,

    /// <summary>NUnit's <c>TestContext.Progress</c>: the console, while the test runs.</summary>
    Progress,
}
