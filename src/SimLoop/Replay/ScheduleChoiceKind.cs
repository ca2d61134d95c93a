namespace SimLoop;

/// <summary>Which kind of choice a <see cref="ScheduleChoice"/> records.</summary>
public enum ScheduleChoiceKind
{
    /// <summary>Which of the ready items ran as a step.</summary>
    ReadyItem,

    /// <summary>Which of the timers due at the same instant fired next.</summary>
    Timer,

    /// <summary>A 64-bit draw behind <see cref="Sim.Random"/>.</summary>
    Random,
}
