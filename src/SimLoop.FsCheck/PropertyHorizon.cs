using System.Runtime.CompilerServices;
using NUnit.Framework.Internal;

namespace SimLoop;

// Pct's horizon across the cases of one property run: FsCheck checks its cases one after another on the test's
// thread, so the i-th case gets PctHorizon's estimate for index i, from the cases before it, exactly as the i-th
// seed of a seed run does. The batch is the test's (NUnit's Test, built anew for each run of the tests), across the
// contexts NUnit nests inside it, such as the one Assert.Throws runs its delegate in. Outside an NUnit test a case
// runs on its own (horizon 0), and so does each case of a property whose cases run in parallel (FsCheck's
// Parallelism), where "the cases before" would depend on the threads.
internal static class PropertyHorizon
{
    private static readonly ConditionalWeakTable<Test, Batch> s_batches = [];

    /// <summary>The batch of the test running on this thread, or null outside a test.</summary>
    public static Batch? Current() =>
        TestExecutionContext.CurrentContext.CurrentTest is { } test ? s_batches.GetValue(test, static _ => new Batch()) : null;

    internal sealed class Batch
    {
        private readonly PctHorizon _horizon = new();
        private long _next;

        /// <summary>The next case's horizon, then <see cref="Record"/> its run.</summary>
        public int Next()
        {
            // Indexes are taken in order under the lock, so StepsFor never sees an earlier block after a later one.
            lock (_horizon)
            {
                return _horizon.StepsFor(_next++);
            }
        }

        public void Record(long choices)
        {
            lock (_horizon)
            {
                _horizon.Record(choices);
            }
        }
    }
}
