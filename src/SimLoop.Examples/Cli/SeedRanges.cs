using System.Globalization;

namespace SimLoop.Examples.Cli;

// Seeds as a short list of ranges, "0..3, 5, 9..12", at most a dozen ranges and then how many seeds are left out:
// an explore report stays readable over thousands of seeds.
internal static class SeedRanges
{
    private const int RangesMax = 12;

    public static string Format(IReadOnlyList<long> seeds)
    {
        List<(long First, long Last)> ranges = [];
        foreach (long seed in seeds.Order())
        {
            if (ranges.Count > 0 && ranges[^1].Last == seed - 1)
            {
                ranges[^1] = (ranges[^1].First, seed);
            }
            else
            {
                ranges.Add((seed, seed));
            }
        }

        IEnumerable<string> shown = ranges.Take(RangesMax).Select(Range);
        long left = ranges.Skip(RangesMax).Sum(r => r.Last - r.First + 1);
        string more = left > 0 ? $", and {left} more" : string.Empty;
        return string.Join(", ", shown) + more;
    }

    private static string Range((long First, long Last) range) => range.First == range.Last
        ? range.First.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{range.First}..{range.Last}");
}
