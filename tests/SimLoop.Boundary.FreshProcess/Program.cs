using SimLoop;

// `dotnet SimLoop.Boundary.FreshProcess.dll <program>`: runs that program as the first simulations of this process
// (seeds 0 to 7 under Random, one after the other) and prints "ok" and the steps of each, or the first exception's
// type and message; the exit code is 0 only for "ok".
string program = args.Length == 1 ? args[0] : "";
Func<Task>? main = program switch
{
    "task-run" => TaskRun,
    "configure-await-false" => ConfigureAwaitFalse,
    "yield-after-timer" => YieldAfterTimer,
    "semaphore-cancel" => SemaphoreCancel,
    _ => null,
};
if (main is null)
{
    Console.Error.WriteLine(
        $"unknown program '{program}': task-run, configure-await-false, yield-after-timer or semaphore-cancel");
    return 2;
}

var steps = new List<long>();
try
{
    for (long seed = 0; seed < 8; seed++)
    {
        var sim = new Simulation(new SimulationOptions { Seed = seed, Strategy = ScheduleStrategy.Random });
        sim.Run(main);
        steps.Add(sim.Steps);
    }

    Console.WriteLine($"ok {string.Join(' ', steps)}");
    return 0;
}
catch (Exception exception)
{
    Console.WriteLine($"seed {steps.Count}: {exception.GetType().Name}: {exception.Message}");
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

// SemaphoreSlim.WaitAsync(token) with the cancellation and a Release close together: the semaphore's own code sends
// its continuations to the pool.
static async Task SemaphoreCancel()
{
    using var gate = new SemaphoreSlim(1);
    using var hurry = new CancellationTokenSource();
    int inside = 0;
    async Task UseAsync(CancellationToken token)
    {
        try
        {
            await gate.WaitAsync(token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            Check(++inside == 1);
            await Task.Yield();
            inside--;
        }
        finally
        {
            gate.Release();
        }
    }

    SimTask[] tasks =
    [
        Sim.Spawn(() => UseAsync(CancellationToken.None), "caller#1"),
        Sim.Spawn(() => UseAsync(hurry.Token), "caller#2"),
        Sim.Spawn(async () =>
        {
            await Task.Yield();
            await UseAsync(CancellationToken.None);
        }, "caller#3"),
        Sim.Spawn(async () =>
        {
            for (int i = 0; i < 4; i++)
            {
                await Task.Yield();
            }

            hurry.Cancel();
        }, "user"),
    ];
    foreach (SimTask task in tasks)
    {
        await task;
    }
}

static void Check(bool condition)
{
    if (!condition)
    {
        throw new InvalidOperationException("the program computed a wrong result");
    }
}
