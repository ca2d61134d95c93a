using SimLoop.BugBench;
using SimLoop.BugBench.Bugs;

namespace DocSamples.Contexts;

/// <summary>docs/README-bugs.md's <c>bug</c>: the benchmark's account bug, and the account it shows a method of.</summary>
public abstract class AccountBugRun
{
    internal IBug bug { get; } = new AccountBug();

    public int Balance { get; set; }

    protected static async Task AppendToLedgerAsync() => await Task.Yield();
}
