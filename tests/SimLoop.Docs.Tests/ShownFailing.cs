using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Commands;

namespace DocSamples;

/// <summary>Runs a block of statements that a doc shows failing: it passes only if the block throws the exception
/// the marker names (<c>&lt;!-- sample: fails=InvalidOperationException --&gt;</c>).</summary>
public static class ShownFailing
{
    public static void Expect(string exceptionName, Func<Task> body)
    {
        Exception? thrown = null;
        try
        {
            body().GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            thrown = e;
        }

        Assert.That(thrown?.GetType().Name, Is.EqualTo(exceptionName), "the doc shows this sample failing with " + exceptionName);
    }
}

/// <summary>Stands for <see cref="SimulationTestAttribute"/> in a block marked <c>fails=...</c>: the same test over
/// the same seeds, which passes only if a seed fails with the exception the marker names.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class ShownFailingAttribute : NUnitAttribute, ISimpleTestBuilder, IImplyFixture, IWrapTestMethod
{
    private readonly SimulationTestAttribute _test = new() { MaxDegreeOfParallelism = 1 };

    public int Seeds { get => _test.Seeds; set => _test.Seeds = value; }

    public ScheduleStrategy Strategy { get => _test.Strategy; set => _test.Strategy = value; }

    public long MaxSteps { get => _test.MaxSteps; set => _test.MaxSteps = value; }

    public string? MaxVirtualTime { get => _test.MaxVirtualTime; set => _test.MaxVirtualTime = value; }

    public int TraceCapacity { get => _test.TraceCapacity; set => _test.TraceCapacity = value; }

    public SimulationLogOutput Log { get => _test.Log; set => _test.Log = value; }

    public TestMethod BuildFrom(IMethodInfo method, Test? suite) => _test.BuildFrom(method, suite);

    public TestCommand Wrap(TestCommand command) => new ExpectFailureCommand(_test.Wrap(command));
}

/// <summary>Stands for FsCheck's <c>[Property]</c> in a block marked <c>fails=...</c>: the same property (FsCheck
/// finds its settings as a <see cref="FsCheck.NUnit.PropertyAttribute"/>), which passes only if FsCheck finds a
/// case failing with the exception the marker names.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class ShownFailingPropertyAttribute : FsCheck.NUnit.PropertyAttribute, IWrapTestMethod
{
    // FsCheck runs the property in its own Wrap, which this re-implementation of the interface hides: call it.
    private static readonly System.Reflection.MethodInfo s_fsCheckWrap = FsCheckWrap();

    TestCommand ICommandWrapper.Wrap(TestCommand command) =>
        new ExpectFailureCommand((TestCommand)s_fsCheckWrap.Invoke(this, [command])!);

    private static System.Reflection.MethodInfo FsCheckWrap()
    {
        var map = typeof(FsCheck.NUnit.PropertyAttribute).GetInterfaceMap(typeof(ICommandWrapper));
        return map.TargetMethods[Array.IndexOf(map.InterfaceMethods, typeof(ICommandWrapper).GetMethod(nameof(ICommandWrapper.Wrap)))];
    }
}

// Turns the wrapped test's result around: a failure that names the expected exception passes, anything else fails.
internal sealed class ExpectFailureCommand(TestCommand inner) : DelegatingTestCommand(inner)
{
    public override TestResult Execute(TestExecutionContext context)
    {
        string message;
        bool failed;
        try
        {
            TestResult result = innerCommand.Execute(context);
            failed = result.ResultState.Status == TestStatus.Failed;
            message = result.Message ?? "";
        }
        catch (Exception e)
        {
            failed = true;
            message = e.ToString();
        }

        string expected = ExpectedException(context);
        context.CurrentResult = context.CurrentTest.MakeTestResult();
        if (failed && message.Contains(expected, StringComparison.Ordinal))
        {
            context.CurrentResult.SetResult(ResultState.Success);
        }
        else
        {
            context.CurrentResult.SetResult(ResultState.Failure,
                $"The doc shows this test failing with {expected}; it {(failed ? "failed otherwise: " + message : "passed")}.");
        }

        return context.CurrentResult;
    }

    // The exception the block's marker names, which the generated file keeps beside the fixture.
    private static string ExpectedException(TestExecutionContext context)
    {
        Type? fixture = context.CurrentTest.TypeInfo?.Type;
        return fixture?.Assembly.GetType(fixture.Namespace + ".ShownFailure")?.GetField("Exception")?.GetValue(null) as string
            ?? "(no exception named: mark the block <!-- sample: fails=ExceptionName -->)";
    }
}
