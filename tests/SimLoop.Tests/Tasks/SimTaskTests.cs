namespace SimLoop.Tests.Tasks;

public class SimTaskTests
{
    [Test]
    public void Ids_CountFromOne_InCreationOrder_MainFirst()
    {
        var sim = new Simulation();
        var seen = new List<(int, string)>();
        sim.Run(async () =>
        {
            seen.Add((Sim.CurrentTask!.Id, Sim.CurrentTask.Name));
            SimTask a = Sim.Spawn(() => Task.CompletedTask, "a");
            SimTask b = Sim.Spawn(() => Task.CompletedTask);
            seen.Add((a.Id, a.Name));
            seen.Add((b.Id, b.Name));
            await a;
            await b;
        });

        Assert.That(seen, Is.EqualTo(new[] { (1, "main"), (2, "a"), (3, "task-3") }));
    }

    [Test]
    public void Await_ReturnsTheResult_AndStatusSaysRanToCompletion()
    {
        var sim = new Simulation();
        SimTask<string>? task = null;
        string result = sim.Run(async () =>
        {
            task = Sim.Spawn(async () =>
            {
                await Sim.Delay(TimeSpan.FromSeconds(1));
                return "answer";
            });
            return await task;
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result, Is.EqualTo("answer"));
            Assert.That(task!.Result, Is.EqualTo("answer"));
            Assert.That(task.IsCompleted, Is.True);
            Assert.That(task.IsCancelled || task.IsFaulted, Is.False);
            Assert.That(task.Completion.Status, Is.EqualTo(TaskStatus.RanToCompletion));
        }
    }

    [Test]
    public void Await_FaultedTask_RethrowsItsOwnException_NotAnAggregate()
    {
        var sim = new Simulation();
        SimTask? task = null;
        Exception? caught = null;
        sim.Run(async () =>
        {
            task = Sim.Spawn(async () =>
            {
                await Sim.Yield();
                throw new FormatException("bad input");
            });
            try
            {
                await task;
            }
            catch (FormatException e)
            {
                caught = e;
            }
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(caught, Is.TypeOf<FormatException>().With.Message.EqualTo("bad input"));
            Assert.That(task!.IsFaulted, Is.True);
            Assert.That(task.Completion.IsFaulted, Is.True);
        }
    }

    [Test]
    public void Result_BeforeTheTaskFinished_ThrowsInsteadOfBlocking()
    {
        var sim = new Simulation();
        sim.Run(async () =>
        {
            SimTask<int> task = Sim.Spawn(async () =>
            {
                await Sim.Delay(TimeSpan.FromSeconds(1));
                return 1;
            });
            var error = Assert.Throws<InvalidOperationException>(() => _ = task.Result);
            Assert.That(error!.Message, Does.Contain("Await it instead of blocking"));
            await task;
        });
    }

    [Test]
    public void Tasks_ListsOnlyUnfinishedTasks_InCreationOrder()
    {
        var sim = new Simulation();
        var snapshots = new List<string>();
        sim.Run(async () =>
        {
            SimTask slow = Sim.Spawn(() => Sim.Delay(TimeSpan.FromSeconds(5)), "slow");
            SimTask quick = Sim.Spawn(() => Sim.Delay(TimeSpan.FromSeconds(1)), "quick");
            snapshots.Add(string.Join(",", sim.Tasks.Select(t => t.Name)));
            await quick;
            snapshots.Add(string.Join(",", sim.Tasks.Select(t => t.Name)));
            await slow;
            snapshots.Add(string.Join(",", sim.Tasks.Select(t => t.Name)));
        });

        Assert.That(snapshots, Is.EqualTo(new[] { "main,slow,quick", "main,slow", "main" }));
    }

    [Test]
    public void Run_Generic_ReturnsMainsResult()
    {
        Assert.That(new Simulation().Run(() => Task.FromResult(7)), Is.EqualTo(7));
    }

    [Test]
    public void Run_MainThrows_RethrowsTheSameException_WithItsStack()
    {
        var thrown = new ArgumentException("from main");
        var error = Assert.Throws<ArgumentException>(() => new Simulation().Run(async () =>
        {
            await Sim.Yield();
            throw thrown;
        }));
        Assert.That(error, Is.SameAs(thrown));
    }

    [Test]
    public void Body_ThatReturnsNull_FaultsTheTaskWithAClearMessage()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new Simulation().Run(() => null!));
        Assert.That(error!.Message, Does.Contain("returned null instead of a Task"));
    }
}
