namespace SimLoop.Tests.Tasks;

public class SimTaskAwaiterTests
{
    private static IEnumerable<TestCaseData> DefaultAwaiterMembers()
    {
        yield return new TestCaseData((Action)(() => _ = default(SimTaskAwaiter).IsCompleted)).SetArgDisplayNames("IsCompleted");
        yield return new TestCaseData((Action)(() => default(SimTaskAwaiter).GetResult())).SetArgDisplayNames("GetResult");
        yield return new TestCaseData((Action)(() => default(SimTaskAwaiter).OnCompleted(() => { }))).SetArgDisplayNames("OnCompleted");
        yield return new TestCaseData((Action)(() => default(SimTaskAwaiter).UnsafeOnCompleted(() => { })))
            .SetArgDisplayNames("UnsafeOnCompleted");
        yield return new TestCaseData((Action)(() => _ = default(SimTaskAwaiter<int>).IsCompleted)).SetArgDisplayNames("IsCompleted<T>");
        yield return new TestCaseData((Action)(() => default(SimTaskAwaiter<int>).GetResult())).SetArgDisplayNames("GetResult<T>");
        yield return new TestCaseData((Action)(() => default(SimTaskAwaiter<int>).OnCompleted(() => { })))
            .SetArgDisplayNames("OnCompleted<T>");
        yield return new TestCaseData((Action)(() => default(SimTaskAwaiter<int>).UnsafeOnCompleted(() => { })))
            .SetArgDisplayNames("UnsafeOnCompleted<T>");
    }

    [TestCaseSource(nameof(DefaultAwaiterMembers))]
    public void DefaultAwaiter_AnyMember_ThrowsInvalidOperation_SayingItWasNotObtainedFromASimTask(Action member)
    {
        Assert.That(member, Throws.InvalidOperationException.With.Message.Contains("was not obtained from a SimTask"));
    }

    [Test]
    public void DefaultAwaiter_InsideARun_ThrowsInvalidOperation_AndTheRunGoesOn()
    {
        int result = new Simulation().Run(async () =>
        {
            Assert.That(() => default(SimTaskAwaiter<int>).GetResult(), Throws.InvalidOperationException);
            return await Sim.Spawn(() => Task.FromResult(42));
        });

        Assert.That(result, Is.EqualTo(42));
    }

    [Test]
    public void Awaiter_NullContinuation_ThrowsNamingTheArgument()
    {
        new Simulation().Run(async () =>
        {
            SimTask<int> task = Sim.Spawn(() => Task.FromResult(1));
            using (Assert.EnterMultipleScope())
            {
                Assert.That(() => task.GetAwaiter().OnCompleted(null!),
                    Throws.ArgumentNullException.With.Property("ParamName").EqualTo("continuation"));
                Assert.That(() => ((SimTask)task).GetAwaiter().UnsafeOnCompleted(null!),
                    Throws.ArgumentNullException.With.Property("ParamName").EqualTo("continuation"));
            }

            await task;
        });
    }
}
