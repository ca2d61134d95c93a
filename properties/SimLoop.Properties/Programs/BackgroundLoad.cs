namespace SimLoop.Properties;

/// <summary>Tasks running beside the program under test, to disturb its schedule: each a list of waits.</summary>
/// <param name="Tasks">Per task, its waits in milliseconds; 0 is <c>Sim.Yield()</c>.</param>
public sealed record BackgroundLoad(IReadOnlyList<IReadOnlyList<int>> Tasks)
{
    /// <inheritdoc/>
    public override string ToString() =>
        Tasks.Count == 0 ? "no background" : "background " + string.Join(" | ", Tasks.Select(t => string.Join(",", t)));
}

// Runs a BackgroundLoad and checks it against its model: each task wakes at exactly the sum of its waits, and
// the end of the run cancels it at the instant main finished.
internal sealed class BackgroundRun
{
    private readonly BackgroundLoad _load;
    private readonly List<TimeSpan>[] _wakes;
    private readonly TimeSpan?[] _cancelledAt;

    public BackgroundRun(BackgroundLoad load)
    {
        _load = load;
        _wakes = load.Tasks.Select(_ => new List<TimeSpan>()).ToArray();
        _cancelledAt = new TimeSpan?[load.Tasks.Count];
    }

    public void Start()
    {
        for (int i = 0; i < _load.Tasks.Count; i++)
        {
            int index = i;
            Sim.Spawn(() => Body(index), "background-" + index.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Checks the wakes against the model, given when main finished (and so when the run cancelled the
    /// background). A wait that ends exactly then may or may not have run: the strategy chooses.</summary>
    public void Check(Verdict verdict, TimeSpan mainEnd)
    {
        for (int i = 0; i < _load.Tasks.Count; i++)
        {
            List<TimeSpan> expected = Due(_load.Tasks[i]);
            List<TimeSpan> wakes = _wakes[i];
            verdict.ExpectSequence(expected.Take(wakes.Count).ToList(), wakes, $"background-{i} wake times");
            int mustWake = expected.Count(t => t < mainEnd);
            int mayWake = expected.Count(t => t <= mainEnd);
            verdict.Expect(wakes.Count >= mustWake && wakes.Count <= mayWake,
                $"background-{i} woke {wakes.Count} times; waits due before main's end at {mainEnd} must run " +
                $"({mustWake}), waits due after it must not ({mayWake} at most)");
            if (wakes.Count < expected.Count)
            {
                verdict.ExpectEqual<TimeSpan?>(mainEnd, _cancelledAt[i], $"background-{i} cancelled at the end of the run");
            }
        }
    }

    private static List<TimeSpan> Due(IReadOnlyList<int> waits)
    {
        var due = new List<TimeSpan>();
        TimeSpan at = TimeSpan.Zero;
        foreach (int ms in waits)
        {
            at += TimeSpan.FromMilliseconds(ms);
            due.Add(at);
        }

        return due;
    }

    private async Task Body(int index)
    {
        try
        {
            foreach (int ms in _load.Tasks[index])
            {
                if (ms == 0)
                {
                    await Sim.Yield();
                }
                else
                {
                    await Sim.Delay(TimeSpan.FromMilliseconds(ms));
                }

                _wakes[index].Add(Sim.Elapsed);
            }
        }
        catch (SimCancelledException)
        {
            _cancelledAt[index] = Sim.Elapsed;
        }
    }
}
