namespace SimLoop.Compatibility.Tests.Support;

// The print a scenario is handed. Each print is a piece of scenario code that records, besides the line, whether it
// ran inside a step of this run's simulation (Sim.Current resolves only on the loop thread or on a pool thread
// holding the loop's baton), on which thread, and how many pieces were running at that moment: it stays inside the
// counter for a short spin so that two pieces running at once would overlap and be seen.
internal sealed class ScenarioProbe
{
    private readonly Simulation _simulation;
    private readonly int _loopThread;
    private readonly List<string> _lines = [];
    private int _running;
    private int _maxConcurrent;
    private int _outsideSteps;
    private int _offLoopPrints;

    public ScenarioProbe(Simulation simulation)
    {
        _simulation = simulation;
        _loopThread = Environment.CurrentManagedThreadId;
    }

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public int MaxConcurrent => Volatile.Read(ref _maxConcurrent);

    public int OutsideSteps => Volatile.Read(ref _outsideSteps);

    public int OffLoopPrints => Volatile.Read(ref _offLoopPrints);

    public void Print(string line)
    {
        int now = Interlocked.Increment(ref _running);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxConcurrent)) &&
               Interlocked.CompareExchange(ref _maxConcurrent, now, seen) != seen)
        {
        }

        if (!IsInsideStep())
        {
            Interlocked.Increment(ref _outsideSteps);
        }

        if (Environment.CurrentManagedThreadId != _loopThread)
        {
            Interlocked.Increment(ref _offLoopPrints);
        }

        lock (_lines)
        {
            _lines.Add(line);
        }

        Thread.SpinWait(100);
        Interlocked.Decrement(ref _running);
    }

    private bool IsInsideStep()
    {
        try
        {
            return ReferenceEquals(Sim.Current, _simulation);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
