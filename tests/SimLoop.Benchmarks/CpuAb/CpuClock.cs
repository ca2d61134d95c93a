using System.Runtime.InteropServices;

namespace SimLoop.Benchmarks.CpuAb;

// The calling thread's CPU time (CLOCK_THREAD_CPUTIME_ID): what a batch cost this thread, not counting the time
// other processes held the core. Linux only.
internal static class CpuClock
{
    private const int ClockThreadCpuTime = 3;

    public static long ThreadNanoseconds() => ClockGetTime(ClockThreadCpuTime, out TimeSpec time) == 0
        ? time.Seconds * 1_000_000_000 + time.Nanoseconds
        : throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed: --cpu-ab needs Linux");

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
