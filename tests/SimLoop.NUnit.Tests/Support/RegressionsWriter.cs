namespace SimLoop.Seeds.Tests.Support;

// The test assembly's entry point, used as a second process by the regressions-file lock test:
// `dotnet SimLoop.NUnit.Tests.dll append <file> <test> <first seed> <count>` appends that many seeds, one Append each.
// NUnit never calls it; with no arguments it does nothing, as the generated entry point it replaces did.
internal static class RegressionsWriter
{
    public static int Main(string[] args)
    {
        if (args is not ["append", string path, string test, string first, string count])
        {
            return 0;
        }

        var file = new RegressionsFile(path, Path.GetFileName(path));
        long from = long.Parse(first, System.Globalization.CultureInfo.InvariantCulture);
        for (long seed = from; seed < from + int.Parse(count, System.Globalization.CultureInfo.InvariantCulture); seed++)
        {
            file.Append(test, new SeedOutcome(new SeedCase(seed, ScheduleStrategy.Random), new InvalidOperationException("boom"), 1, TimeSpan.Zero));
        }

        return 0;
    }
}
