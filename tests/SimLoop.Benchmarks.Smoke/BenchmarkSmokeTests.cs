using System.Reflection;
using BenchmarkDotNet.Attributes;
using SimLoop.Benchmarks.Benchmarks;
using SimLoop.Benchmarks.Reporting;

namespace SimLoop.Benchmarks.Smoke;

// Every [Benchmark] method, for every combination of its class's [Params], run once with tiny sizes; each must
// report all the work its sizes imply (yields, sleeps, checked runs). A workload that broke throws or comes up short.
public class BenchmarkSmokeTests
{
    private const int TinyTasks = 3;
    private const int TinyYields = 4;
    private const int TinySeeds = 5;

    public static IEnumerable<TestCaseData> Cases()
    {
        foreach (Type type in BenchmarkTypes())
        {
            foreach (Dictionary<PropertyInfo, object?> parameters in ParameterCombinations(type))
            {
                foreach (MethodInfo method in type.GetMethods().Where(m => m.IsDefined(typeof(BenchmarkAttribute))))
                {
                    string shown = string.Join(", ", parameters.Select(p => $"{p.Key.Name}={p.Value}"));
                    yield return new TestCaseData(type, method, parameters).SetName($"{type.Name}.{method.Name}({shown})");
                }
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Benchmark_TinySize_DoesAllItsWork(Type type, MethodInfo method, Dictionary<PropertyInfo, object?> parameters)
    {
        object benchmark = Activator.CreateInstance(type)!;
        foreach ((PropertyInfo property, object? value) in parameters)
        {
            property.SetValue(benchmark, value);
        }

        long expected = Shrink(benchmark);
        Invoke<GlobalSetupAttribute>(benchmark);
        object? result = method.Invoke(benchmark, null);
        Invoke<GlobalCleanupAttribute>(benchmark);

        Assert.That(result, Is.EqualTo(expected));
    }

    [Test]
    public void BenchmarkClasses_ForTheReadmeTable_HaveUnitAndUnitsPerOperation()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (Type type in BenchmarkTypes())
            {
                Assert.That(type.GetCustomAttribute<UnitAttribute>(), Is.Not.Null, type.Name);
                Assert.That(type.GetMethod("UnitsPerOperation", BindingFlags.Public | BindingFlags.Static), Is.Not.Null, type.Name);
                Assert.That(type.GetMethods().Count(m => m.GetCustomAttribute<BenchmarkAttribute>()?.Baseline == true),
                    Is.EqualTo(1), $"{type.Name} has one baseline, so every ratio is to something measured in the same run");
            }
        }
    }

    private static IEnumerable<Type> BenchmarkTypes() =>
        typeof(StepBenchmarks).Assembly.GetTypes()
            .Where(t => t.GetMethods().Any(m => m.IsDefined(typeof(BenchmarkAttribute))))
            .OrderBy(t => t.Name, StringComparer.Ordinal);

    // Sets the sizes to tiny ones and returns the work they imply; a new benchmark class must be added here.
    private static long Shrink(object benchmark)
    {
        switch (benchmark)
        {
            case StepBenchmarks steps:
                (steps.Tasks, steps.Yields) = (TinyTasks, TinyYields);
                return TinyTasks * TinyYields;
            case ScalingStepBenchmarks scaling:
                (scaling.Tasks, scaling.YieldsOverride) = (TinyTasks, TinyYields);
                return TinyTasks * TinyYields;
            case TimerBenchmarks timers:
                timers.Tasks = TinyTasks;
                return TinyTasks;
            case FakeTimerBenchmarks fake:
                fake.Tasks = TinyTasks;
                return TinyTasks;
            case ScalingTimerBenchmarks scaling:
                (scaling.Tasks, scaling.RoundsOverride) = (TinyTasks, 2);
                return TinyTasks * 2;
            case SleepingMemoryBenchmarks sleeping:
                sleeping.Tasks = TinyTasks;
                return TinyTasks;
            case PoolHopBenchmarks hops:
                (hops.Waiters, hops.Rounds) = (TinyTasks, 2);
                return TinyTasks * 2;
            case PoolHopParallelBenchmarks parallelHops:
                (parallelHops.Waiters, parallelHops.Rounds) = (TinyTasks, 2);
                return 4 * TinyTasks * 2;
            case AspNetChainBenchmarks aspNetChain:
                aspNetChain.Requests = TinyTasks;
                return TinyTasks;
            case NoteBenchmarks:
                return 1;
            case NetworkChainBenchmarks chain:
                chain.Requests = TinyTasks;
                return TinyTasks;
            case DeadlockBenchmarks deadlocks:
                deadlocks.Runs = TinySeeds;
                return TinySeeds;
            case ParallelSeedBenchmarks seeds:
                seeds.Seeds = TinySeeds;
                return TinySeeds;
            case SeedRunnerBenchmarks runner:
                runner.Seeds = TinySeeds;
                return TinySeeds;
            default:
                throw new AssertionException($"{benchmark.GetType().Name} has no tiny size in {nameof(Shrink)}: add one.");
        }
    }

    private static IEnumerable<Dictionary<PropertyInfo, object?>> ParameterCombinations(Type type)
    {
        IEnumerable<Dictionary<PropertyInfo, object?>> combinations = [[]];
        foreach (PropertyInfo property in type.GetProperties().Where(p => p.IsDefined(typeof(ParamsAttribute))))
        {
            object?[] values = property.GetCustomAttribute<ParamsAttribute>()!.Values;
            combinations = combinations.SelectMany(c => values.Select(v => new Dictionary<PropertyInfo, object?>(c) { [property] = v }));
        }

        return combinations;
    }

    private static void Invoke<TAttribute>(object benchmark)
        where TAttribute : Attribute
    {
        foreach (MethodInfo method in benchmark.GetType().GetMethods().Where(m => m.IsDefined(typeof(TAttribute))))
        {
            method.Invoke(benchmark, null);
        }
    }
}
