using SimLoop;

// `dotnet SimLoop.Boundary.FreshProcess.dll <program>`: runs that program as the first simulation of this process and
// prints "ok" and its step count, or the exception's type and message; the exit code is 0 only for "ok".
string program = args.Length == 1 ? args[0] : "";
Func<Task>? main = program switch
{
    "task-run" => TaskRun,
    "configure-await-false" => ConfigureAwaitFalse,
    "yield-after-timer" => YieldAfterTimer,
    _ => null,
};
if (main is null)
{
    Console.Error.WriteLine($"unknown program '{program}': task-run, configure-await-false or yield-after-timer");
    return 2;
}

try
{
    var sim = new Simulation(new SimulationOptions { Seed = 1 });
    sim.Run(main);
    Console.WriteLine($"ok {sim.Steps}");
    return 0;
}
catch (Exception exception)
{
    Console.WriteLine($"{exception.GetType().Name}: {exception.Message}");
    return 1;
}

// Each await sends the continuation's work to the thread pool.
static async Task TaskRun()
{
    int sum = 0;
    for (int i = 0; i < 5; i++)
    {
        int value = i;
        sum += await Task.Run(() => value);
    }

    Check(sum == 10);
}

// A waiter released by another task resumes on the pool, as library code awaiting with ConfigureAwait(false) does.
static async Task ConfigureAwaitFalse()
{
    var gate = new SemaphoreSlim(0);
    SimTask releaser = Sim.Spawn(async () =>
    {
        for (int i = 0; i < 5; i++)
        {
            await Sim.Yield();
            gate.Release();
        }
    }, "releaser");
    for (int i = 0; i < 5; i++)
    {
        await gate.WaitAsync().ConfigureAwait(false);
    }

    await releaser;
}

// After a virtual timer resumes the code with no context, Task.Yield goes to the pool.
static async Task YieldAfterTimer()
{
    for (int i = 0; i < 5; i++)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(1), Sim.Clock).ConfigureAwait(false);
        await Task.Yield();
    }

    Check(Sim.Current.Elapsed == TimeSpan.FromMilliseconds(5));
}

static void Check(bool condition)
{
    if (!condition)
    {
        throw new InvalidOperationException("the program computed a wrong result");
    }
}
