using System.Globalization;

namespace SimLoop.Tests.Diagnostics;

public class FingerprintTests
{
    // The fingerprint as specified, one word at a time: two FNV-1a-style lanes over 64-bit words. Written out here so
    // that the fast paths (five words in registers, a text's characters in registers) are checked against the
    // definition rather than against each other.
    private static string Reference(params long[] words)
    {
        ulong a = 0xCBF29CE484222325UL;
        ulong b = 0x84222325CBF29CE4UL;
        unchecked
        {
            foreach (long word in words)
            {
                a = (a ^ (ulong)word) * 0x100000001B3UL;
                b = ulong.RotateLeft((b ^ (ulong)word) * 0x9E3779B97F4A7C15UL, 29);
            }
        }

        return a.ToString("x16", CultureInfo.InvariantCulture) + b.ToString("x16", CultureInfo.InvariantCulture);
    }

    private static long[] Words(string text) => [text.Length, .. text.Select(c => (long)c)];

    [TestCase("ran to completion")]
    [TestCase("")]
    [TestCase("é\u2603x")]
    public void AddText_IsItsLengthThenEachCharacter_AsTheDefinitionSays(string text)
    {
        var fingerprint = default(Fingerprint);
        fingerprint.Add(text);

        Assert.That(fingerprint.ToString(), Is.EqualTo(Reference(Words(text))));
    }

    [Test]
    public void AddFiveWords_ThenText_IsTheWordsInOrder()
    {
        var fingerprint = default(Fingerprint);
        fingerprint.Add(3, -1, 7, (long)TraceEventKind.TaskFinished << 32 | 2, 5);
        fingerprint.Add("cancelled");

        Assert.That(fingerprint.ToString(), Is.EqualTo(Reference([3, -1, 7, (long)TraceEventKind.TaskFinished << 32 | 2, 5, .. Words("cancelled")])));
    }

    [Test]
    public void AddText_TwoCharactersSwapped_DiffersAsDoesTheNullText()
    {
        var ab = default(Fingerprint);
        ab.Add("ab");
        var ba = default(Fingerprint);
        ba.Add("ba");
        var none = default(Fingerprint);
        none.Add(null);

        Assert.That(new[] { ab.ToString(), ba.ToString(), none.ToString() }, Is.Unique);
        Assert.That(none.ToString(), Is.EqualTo(Reference(-1)));
    }
}
