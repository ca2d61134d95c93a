using System.Runtime.CompilerServices;
using NUnit.Framework.Internal;

namespace SimLoop;

// Pct's horizon across the cases of one property run: FsCheck checks its cases one after another on the test's
// thread, so the i-th case gets PctHorizon's estimate for index i, from the cases before it, exactly as the i-th
// seed of a seed run does. Each run of a test starts over (its execution context is new), so a property run in
// an IDE session twice runs the same cases twice. Outside an NUnit test a case runs on its own (horizon 0).
internal static class PropertyHorizon
{
    private static readonly ConditionalWeakTable<TestExecutionContext, Batch> s_batches = [];

    /// <summary>The batch of the test running on this thread, or null outside a test.</summary>
    public static Batch? Current() =>
        TestExecutionContext.CurrentContext is { CurrentTest: not null } context ? s_batches.GetOrCreateValue(context) : null;

    internal sealed class Batch
    {
        private readonly PctHorizon _horizon = new();
        private long _next;

        /// <summary>The next case's horizon, then <see cref="Record"/> its run.</summary>
        public int Next() => _horizon.StepsFor(_next++);

        public void Record(long choices) => _horizon.Record(choices);
    }
}
