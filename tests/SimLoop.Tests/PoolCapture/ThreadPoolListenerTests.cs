namespace SimLoop.Tests.PoolCapture;

// The listener is one per process: these tests drive its on/off state directly, with wall time passed in.
[NonParallelizable]
public class ThreadPoolListenerTests
{
    private static long Later(TimeSpan span) => WallTime.Now + WallTime.Ticks(span);

    [Test]
    public void Acquire_TurnsReportingOn_AndEnqueuesAreReportedOnThisRuntime()
    {
        bool poolReports = ThreadPoolListener.Acquire();
        bool reporting = ThreadPoolListener.IsReporting;
        ThreadPoolListener.Release();

        Assert.That((poolReports, reporting), Is.EqualTo((true, true)));
    }

    [Test]
    public void StopIfIdle_WithinASecondOfTheLastRun_KeepsReporting()
    {
        ThreadPoolListener.Acquire();
        ThreadPoolListener.Release();

        ThreadPoolListener.StopIfIdle(Later(TimeSpan.FromMilliseconds(500)));

        Assert.That(ThreadPoolListener.IsReporting, Is.True);
    }

    [Test]
    public void StopIfIdle_OnceIdleForASecond_StopsReporting_AndTheNextRunTurnsItBackOn()
    {
        ThreadPoolListener.Acquire();
        ThreadPoolListener.Release();

        ThreadPoolListener.StopIfIdle(Later(TimeSpan.FromSeconds(2)));
        bool afterStop = ThreadPoolListener.IsReporting;
        bool poolReports = ThreadPoolListener.Acquire();
        bool afterAcquire = ThreadPoolListener.IsReporting;
        ThreadPoolListener.Release();

        Assert.That((afterStop, poolReports, afterAcquire), Is.EqualTo((false, true, true)));
    }

    [Test]
    public void StopIfIdle_WhileARunHoldsIt_KeepsReporting()
    {
        ThreadPoolListener.Acquire();
        try
        {
            ThreadPoolListener.StopIfIdle(Later(TimeSpan.FromHours(1)));

            Assert.That(ThreadPoolListener.IsReporting, Is.True);
        }
        finally
        {
            ThreadPoolListener.Release();
        }
    }

    [Test]
    public void StepAfterAStop_StillCapturesWorkSentToThePool()
    {
        // A simulation started after the listener was turned off must turn it on before its first step, or work a
        // step sends to the pool would run outside the loop, in any order.
        ThreadPoolListener.Acquire();
        ThreadPoolListener.Release();
        ThreadPoolListener.StopIfIdle(Later(TimeSpan.FromSeconds(2)));

        var order = new List<string>();
        new Simulation(new SimulationOptions { Strategy = ScheduleStrategy.Fifo }).Run(async () =>
        {
            Task pooled = Task.Run(() => order.Add("pool"));
            order.Add("main");
            await pooled;
        });

        Assert.That(order, Is.EqualTo(new[] { "main", "pool" }));
    }
}
