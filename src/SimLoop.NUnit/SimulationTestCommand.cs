using System;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Commands;

namespace SimLoop;

// What [SimulationTest] runs instead of one call of the test method: the method once per seed, each call the
// main task of its own simulation, then one result for the test. Set-up and tear-down wrap the whole seed run.
internal sealed class SimulationTestCommand : DelegatingTestCommand
{
    // Test seams: an end-to-end test runs the attribute with its own environment and regressions folder.
    private static readonly AsyncLocal<Func<string, string?>?> s_environment = new();
    private static readonly AsyncLocal<string?> s_projectDirectory = new();

    private readonly SimulationTestAttribute _attribute;

    public SimulationTestCommand(TestCommand innerCommand, SimulationTestAttribute attribute)
        : base(innerCommand)
    {
        _attribute = attribute;
    }

    public static IDisposable UseEnvironment(Func<string, string?> environment, string projectDirectory)
    {
        s_environment.Value = environment;
        s_projectDirectory.Value = projectDirectory;
        return new Restore();
    }

    public override TestResult Execute(TestExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        TestResult result = context.CurrentResult;
        IMethodInfo method = Test.Method ?? throw new InvalidOperationException("[SimulationTest] is only valid on a method.");
        MethodInfo info = method.MethodInfo;
        object? fixture = context.TestObject;
        bool takesSimulation = info.GetParameters().Length == 1;
        string testName = method.TypeInfo.Name + "." + method.Name;
        var options = new SeedRunOptions
        {
            Seeds = _attribute.Seeds,
            Strategy = _attribute.Strategy,
            MaxDegreeOfParallelism = _attribute.MaxDegreeOfParallelism,
            Simulation = Options(_attribute),
            LogOutput = _attribute.Settings.Writer(),
            TestName = testName,
            Environment = s_environment.Value ?? Environment.GetEnvironmentVariable,
        };

        try
        {
            RegressionsFile? regressions = RegressionsFile.Beside(method.TypeInfo.Type, s_projectDirectory.Value);
            var alone = new SeedRerun((seedCase, template, onFailure) => FreshFixture.Run(Test, fixture, fixtureObject =>
                    SeedExecution.Run(seedCase, sim => Invoke(info, fixtureObject, takesSimulation ? [sim] : null), template, onFailure)),
                "one seed, on one thread, on a fresh fixture instance after its [SetUp]");
            SeedRun run = SeedRun.Execute(sim => Invoke(info, fixture, takesSimulation ? [sim] : null), options, testName, method.Name,
                regressions, alone);
            context.OutWriter.WriteLine(run.Summary);
            if (regressions is null)
            {
                context.OutWriter.WriteLine("SimLoop: no project folder above the test assembly, so no regressions file is read or written.");
            }

            if (run.NoSeedsMessage is not null)
            {
                result.SetResult(ResultState.Inconclusive, run.NoSeedsMessage);
            }
            else if (run.FailureMessage is null)
            {
                result.SetResult(ResultState.Success);
            }
            else
            {
                result.SetResult(ResultState.Failure, run.FailureMessage, run.FirstException?.ToString());
            }
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // A malformed SIMLOOP_* value, option or regressions file: the run did not happen, which is an error, not a failure.
            result.SetResult(ResultState.Error, e.Message);
        }

        return result;
    }

    private static SimulationOptions? Options(SimulationTestAttribute attribute)
    {
        if (attribute.MaxSteps == 0 && !attribute.Settings.Changes)
        {
            return null;
        }

        var options = new SimulationOptions();
        return attribute.Settings.Apply(attribute.MaxSteps != 0 ? options with { MaxSteps = attribute.MaxSteps } : options);
    }

    private static Task Invoke(MethodInfo method, object? fixture, object?[]? arguments)
    {
        try
        {
            return (Task)method.Invoke(fixture, arguments)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }

    private sealed class Restore : IDisposable
    {
        public void Dispose()
        {
            s_environment.Value = null;
            s_projectDirectory.Value = null;
        }
    }
}
