using System;
using System.Globalization;
using System.Text;

namespace SimLoop;

// A test name as the regressions file writes it: one field with no white space and no '#', which the reader splits
// on and strips as a comment. Those characters, '%' and control characters become %XX of their UTF-8 bytes, as
// in a URI; a name without them (Fixture.Method, the common case) is written as it is.
internal static class RegressionName
{
    public static string Escape(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var text = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            if (c is '%' or '#' || char.IsWhiteSpace(c) || char.IsControl(c))
            {
                foreach (byte b in Encoding.UTF8.GetBytes([c]))
                {
                    text.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    // The %XX sequences decode as UTF-8, as Escape wrote them; a '%' not followed by two hex digits stays as it is.
    public static string Unescape(string field) => Uri.UnescapeDataString(field);
}
