namespace SimLoop;

/// <summary>One choice a run made: at which step, of what kind, what was chosen, among how many.</summary>
/// <param name="Step">The step the choice was made for (a ready item or a timer) or during (a random draw).</param>
/// <param name="Kind">What was chosen.</param>
/// <param name="Value">The index chosen among the candidates, or the 64-bit value drawn.</param>
/// <param name="Candidates">How many candidates there were; 0 for a random draw.</param>
public readonly record struct ScheduleChoice(long Step, ScheduleChoiceKind Kind, ulong Value, int Candidates);
