using System.Reflection;
using System.Runtime.Versioning;

namespace SimLoop.Consumer.Tests;

// Proves which build of the packages ran: the runtime is the target's own (.NET 8 for the net8.0 leg, not .NET 10
// rolled forward), the library is the package's asset for that target, its version is the one just packed, and
// NUnit and FsCheck are the versions this leg asked for (the packages' floors, or the latest).
public class RuntimeTests
{
    [Test]
    public void Runtime_IsTheTargetFrameworksOwn()
    {
#if NET10_0
        const int expected = 10;
#elif NET8_0
        const int expected = 8;
#endif
        Assert.That(Environment.Version.Major, Is.EqualTo(expected));
    }

    [TestCase(typeof(Simulation))]
    [TestCase(typeof(SimulationRunner))]
    [TestCase(typeof(SimArbitraries))]
    public void Package_AssetAndVersion_AreTheTargetsAndTheFreshlyPackedOnes(Type type)
    {
        Assembly library = type.Assembly;
        string? target = library.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName;
        string? version = library.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        string expectedVersion = Metadata("SimLoopVersion");

        Assert.Multiple(() =>
        {
            Assert.That(target, Is.EqualTo($".NETCoreApp,Version=v{Environment.Version.Major}.0"));
            Assert.That(version, Does.StartWith(expectedVersion + "+").Or.EqualTo(expectedVersion));
        });
    }

    [TestCase("NUnit", "NUnitVersion")]
    [TestCase("FsCheck", "FsCheckVersion")]
    public void Dependency_Version_IsTheOneThisLegAskedFor(string package, string key)
    {
        // The deps.json the host resolved assemblies from: NUnit's own file and assembly versions do not say
        // which 4.x it is (4.1.0's nunit.framework.dll carries 4.0.1.0).
        string deps = File.ReadAllText(Path.ChangeExtension(typeof(RuntimeTests).Assembly.Location, ".deps.json"));

        Assert.That(deps, Does.Contain($"\"{package}/{Metadata(key)}\""));
    }

    private static string Metadata(string key) => typeof(RuntimeTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
