using NUnit.Framework.Internal;

namespace SimLoop;

// The NUnit test running on this thread, as the replay filter names it: "Class.Method" (short class name).
internal static class CurrentTest
{
    public static string? Name()
    {
        Test? test = TestExecutionContext.CurrentContext.CurrentTest;
        return test is TestMethod { Method: { } method } ? method.TypeInfo.Name + "." + method.Name : null;
    }
}
