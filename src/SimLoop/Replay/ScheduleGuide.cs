using System.Collections.Generic;

namespace SimLoop;

// What a guided run follows: the departures kept so far, in order, and the original failing schedule for its random
// draws. Anchored: a departure applies at its original step or the first chance after it, which replays the full
// set exactly. Eager: at its first chance whatever the step, which survives dropping the departures before it.
internal sealed record ScheduleGuide(Schedule Original, IReadOnlyList<ScheduleDeparture> Departures, bool Eager = false);
