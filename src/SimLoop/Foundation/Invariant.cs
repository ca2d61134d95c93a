using System;
using System.Diagnostics.CodeAnalysis;

namespace SimLoop;

// Always-on assertions over the loop's own state. They stay in release builds because a
// simulation whose invariants are compiled out can pass while being wrong (TigerStyle).
internal static class Invariant
{
    public static void Assert([DoesNotReturnIf(false)] bool condition, string why)
    {
        if (!condition)
        {
            throw new SimulationInvariantException(why);
        }
    }
}

/// <summary>An internal invariant of SimLoop did not hold: a bug in SimLoop, never in the code under test.</summary>
internal sealed class SimulationInvariantException : Exception
{
    public SimulationInvariantException(string message)
        : base("SimLoop invariant broken (please report this): " + message)
    {
    }
}
