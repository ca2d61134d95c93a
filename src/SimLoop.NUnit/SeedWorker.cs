using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace SimLoop;

// What the seeds one thread runs borrow, made once per thread instead of once per seed: the NUnit context they run
// in and the delegate that starts their body. Each seed gets a context as NUnit's IsolatedContext makes it, with a
// clear result, so an Assert failing in one seed is that seed's exception and not the test's; a context a seed has
// changed in a way a later seed could see (an assertion or warning recorded, output written, a formatter added, a
// culture set, an Assert.Multiple scope left open) is handed back as IsolatedContext hands it back, and the next seed
// gets a new one. What every seed changes, its assert count and its TestContext.Random, is set back to a new
// context's state: zero, and a generator made afresh from the test's seed on first use, so every seed draws the same
// numbers from TestContext.Random whatever ran before it on its thread. Those fields, the Assert.Multiple depth, the
// result's assertion and attachment lists and the current-context setter are NUnit's private or internal members,
// reached through UnsafeAccessor (they are the same in NUnit 4.1 and 5); if an NUnit version lacks one, every seed
// gets a new context. A batch's worker leaves its context current between seeds; a thread's worker (one seed at a
// time from a caller, such as a property's cases) makes the caller's current again after each.
internal sealed class SeedWorker : IDisposable
{
    private static readonly bool s_resettable = CanReset();

    [ThreadStatic]
    private static SeedWorker? t_worker;

    private readonly Func<Task> _main;
    private readonly bool _returns;
    private bool _running;
    private TestExecutionContext.IsolatedContext? _isolated;
    private TestExecutionContext? _parent;
    private TestExecutionContext? _context;
    private Func<Simulation, Task>? _body;
    private Simulation? _sim;

    public SeedWorker()
        : this(returns: false)
    {
    }

    private SeedWorker(bool returns)
    {
        _main = () => _body!(_sim!);
        _returns = returns;
    }

    /// <summary>The calling thread's worker for one seed at a time, which makes the caller's NUnit context current
    /// again after each seed; a new one when the thread's worker is running a seed already.</summary>
    public static SeedWorker ForThisThread()
    {
        SeedWorker worker = t_worker is { _running: false } idle ? idle : new SeedWorker(returns: true);
        t_worker ??= worker;
        return worker;
    }

    /// <summary>Whether seeds on one thread share one NUnit context, set back between them.</summary>
    internal static bool Reuses => s_resettable;

    /// <summary>Runs <paramref name="body"/> as <paramref name="sim"/>'s main task in this worker's NUnit context.</summary>
    public void Run(Simulation sim, Func<Simulation, Task> body)
    {
        Enter();
        _running = true;
        _body = body;
        _sim = sim;
        try
        {
            sim.Run(_main);
        }
        finally
        {
            _body = null;
            _sim = null;
            _running = false;
            Leave();
        }
    }

    public void Dispose()
    {
        _isolated?.Dispose();
        _isolated = null;
        _context = null;
        _parent = null;
    }

    private void Enter()
    {
        if (_returns && _context is not null)
        {
            if (TestExecutionContext.CurrentContext == _parent && !Changed(_context, _parent!))
            {
                SetCurrentContext(null, _context);
                return;
            }

            Forget(); // another caller's context, or one changed since: a context is made from it as it is now
        }

        if (_context is not null && TestExecutionContext.CurrentContext != _context)
        {
            // The caller moved to another context since the last seed (a worker is used within one test): start over.
            Dispose();
        }

        if (_context is null)
        {
            _parent = TestExecutionContext.CurrentContext;
            _isolated = new TestExecutionContext.IsolatedContext();
            _context = TestExecutionContext.CurrentContext;
        }
    }

    private void Leave()
    {
        TestExecutionContext context = _context!;
        if (!s_resettable || Changed(context, _parent!))
        {
            Dispose(); // writes the seed's output to the test's, as IsolatedContext always has
            return;
        }

        AssertCount(context) = 0;
        RandomGenerator(context) = null;
        if (_returns)
        {
            SetCurrentContext(null, _parent);
        }
    }

    // Drops a context that is not current, without IsolatedContext's Dispose, which would make its parent current:
    // it holds no output (a seed that wrote some had it handed back when it ended).
    private void Forget()
    {
        _isolated = null;
        _context = null;
        _parent = null;
    }

    // Whether a seed left anything in its context that a new context made from the parent now would not have, beyond
    // the two reset fields.
    private static bool Changed(TestExecutionContext context, TestExecutionContext parent)
    {
        TestResult? result = context.CurrentResult;
        return result is null
            || result.ResultState != ResultState.Inconclusive
            || AssertionResults(result).Count > 0
            || TestAttachments(result).Count > 0
            || result.Output.Length > 0
            || MultipleAssertLevel(context) != 0
            || context.CurrentTest != parent.CurrentTest
            || context.TestObject != parent.TestObject
            || context.CurrentValueFormatter != parent.CurrentValueFormatter
            || context.DefaultFloatingPointTolerance != parent.DefaultFloatingPointTolerance
            || context.CurrentCulture != parent.CurrentCulture
            || context.CurrentUICulture != parent.CurrentUICulture
            || context.CurrentPrincipal != parent.CurrentPrincipal;
    }

    private static bool CanReset()
    {
        try
        {
            var probe = new TestExecutionContext.AdhocContext();
            _ = AssertCount(probe);
            _ = RandomGenerator(probe);
            _ = MultipleAssertLevel(probe);
            SetCurrentContext(null, TestExecutionContext.CurrentContext); // no change: only whether the setter is there
            return AssertionResults(probe.CurrentResult) is not null && TestAttachments(probe.CurrentResult) is not null;
        }
        catch (Exception e) when (e is MissingMemberException)
        {
            return false;
        }
    }

    // The internal setter IsolatedContext uses; the first argument only names the type.
    [UnsafeAccessor(UnsafeAccessorKind.StaticMethod, Name = "set_CurrentContext")]
    private static extern void SetCurrentContext(TestExecutionContext? type, TestExecutionContext? context);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_assertCount")]
    private static extern ref int AssertCount(TestExecutionContext context);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_randomGenerator")]
    private static extern ref Randomizer? RandomGenerator(TestExecutionContext context);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_assertionResults")]
    private static extern ref List<AssertionResult> AssertionResults(TestResult result);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_testAttachments")]
    private static extern ref List<TestAttachment> TestAttachments(TestResult result);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "get_MultipleAssertLevel")]
    private static extern int MultipleAssertLevel(TestExecutionContext context);
}
