namespace SimLoop.Tests.Foundation;

// Sim.Random's bounded overloads: each range, its empty case, and the bytes it fills, against values an independent
// implementation of xoshiro256** (stream 2, Sim.Random's) computed for seed 5.
public class SeededRandomBoundsTests
{
    private static readonly byte[] Seed5Bytes = [183, 39, 130, 72, 242, 189, 217, 230];

    [Test]
    public void NextBytes_Array_TakesTheLowByteOfEachDraw()
    {
        byte[] buffer = new byte[8];
        new SeededRandom(5).NextBytes(buffer);

        Assert.That(buffer, Is.EqualTo(Seed5Bytes));
    }

    [Test]
    public void NextBytes_Span_TakesTheLowByteOfEachDraw()
    {
        Span<byte> buffer = stackalloc byte[8];
        new SeededRandom(5).NextBytes(buffer);

        Assert.That(buffer.ToArray(), Is.EqualTo(Seed5Bytes));
    }

    [Test]
    public void Next_MaxSeven_MatchesTheReference()
    {
        var random = new SeededRandom(5);

        Assert.That(Enumerable.Range(0, 6).Select(_ => random.Next(7)), Is.EqualTo(new[] { 1, 6, 0, 1, 6, 6 }));
    }

    [Test]
    public void NextInt64_MaxSeven_MatchesTheReference()
    {
        var random = new SeededRandom(5);

        Assert.That(Enumerable.Range(0, 6).Select(_ => random.NextInt64(7)), Is.EqualTo(new long[] { 1, 6, 0, 1, 6, 6 }));
    }

    [Test]
    public void EmptyRanges_ReturnTheirOnlyValue_WithoutADraw()
    {
        var random = new SeededRandom(5);
        int[] empties = [random.Next(0), random.Next(-4, -4), (int)random.NextInt64(0), (int)random.NextInt64(9, 9)];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(empties, Is.EqualTo(new[] { 0, -4, 0, 9 }));
            Assert.That(random.Next(7), Is.EqualTo(1), "no draw was used up");
        }
    }

    [Test]
    public void Next_MinMax_StaysInRange_AndReachesBothEnds()
    {
        var random = new SeededRandom(1);
        int[] draws = [.. Enumerable.Range(0, 2000).Select(_ => random.Next(-3, 3))];

        Assert.That(draws.Distinct().Order(), Is.EqualTo(new[] { -3, -2, -1, 0, 1, 2 }));
    }

    [Test]
    public void NextInt64_MinMax_StaysInRange_AndReachesBothEnds()
    {
        var random = new SeededRandom(1);
        long[] draws = [.. Enumerable.Range(0, 2000).Select(_ => random.NextInt64(-3, 3))];

        Assert.That(draws.Distinct().Order(), Is.EqualTo(new long[] { -3, -2, -1, 0, 1, 2 }));
    }

    [Test]
    public void NextInt64_WholeRange_DoesNotOverflow()
    {
        var random = new SeededRandom(1);

        Assert.That(Enumerable.Range(0, 100).Select(_ => random.NextInt64(long.MinValue, long.MaxValue)).Distinct().Count(), Is.EqualTo(100));
    }

    [Test]
    public void BadRanges_AreRejected_NamingTheArgument()
    {
        var random = new SeededRandom(1);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => random.NextInt64(-1), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("maxValue"));
            Assert.That(() => random.NextInt64(5, 4), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("minValue"));
            Assert.That(() => random.Next(5, 4), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("minValue"));
        }
    }

    [Test]
    public void NextSingle_IsInZeroToOne_AndVaries()
    {
        var random = new SeededRandom(1);
        float[] draws = [.. Enumerable.Range(0, 1000).Select(_ => random.NextSingle())];

        using (Assert.EnterMultipleScope())
        {
            Assert.That((draws.Min() >= 0f, draws.Max() < 1f), Is.EqualTo((true, true)));
            Assert.That(draws.Average(), Is.InRange(0.45, 0.55));
        }
    }
}
