namespace SimLoop.Benchmarks.VsPrevious.Cores;

/// <summary>The schedule strategy, apart from either core's ScheduleStrategy (they are different types).</summary>
public enum Order
{
    /// <summary>ScheduleStrategy.Fifo.</summary>
    Fifo,

    /// <summary>ScheduleStrategy.Random.</summary>
    Random,
}
