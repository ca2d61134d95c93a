namespace SimLoop.Examples.Cli;

// The cancellation causes of a run as SimLoop recorded them: each CancellationRequested entry of the trace carries
// CancellationCause.ToString(), "task 'b' cancelled at 00:00:01 by 'main': timeout of 1 s in WaitFor", with every
// cause it was caused by after " <- ". One line per cause, the cancelled task first and its causes below.
internal static class CauseChain
{
    private const string Separator = " <- ";

    public static IEnumerable<string> Lines(SimulationTrace trace)
    {
        foreach (TraceEntry entry in trace.Where(e => e.Kind == TraceEventKind.CancellationRequested))
        {
            string[] causes = (entry.Detail ?? string.Empty).Split(Separator);
            yield return "   " + causes[0];
            foreach (string cause in causes.Skip(1))
            {
                yield return "     <- " + cause;
            }
        }
    }
}
