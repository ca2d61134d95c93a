using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Builders;
using NUnit.Framework.Internal.Execution;

namespace SimLoop.Seeds.Tests.Support;

// Runs one method of a fixture the way NUnit's own runner would: built by its suite builder (so attributes such as
// [SimulationProperty] build the test) and executed in an isolated context, so its result is not this test's.
internal static class BuiltTest
{
    public static TestResult Run(Type fixture, string method)
    {
        TestSuite suite = new DefaultSuiteBuilder().BuildFrom(new TypeWrapper(fixture));
        var test = (Test)suite.Tests.Single(t => t.Name == method);
        WorkItem work = WorkItemBuilder.CreateWorkItem(test, TestFilter.Empty, recursive: true)!;
        work.InitializeContext(new TestExecutionContext());
        using (new TestExecutionContext.IsolatedContext())
        {
            work.Execute();
        }

        return work.Result;
    }
}
