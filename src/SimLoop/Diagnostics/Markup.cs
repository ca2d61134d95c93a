using System;
using System.Globalization;
using System.Text;

namespace SimLoop;

// Text and numbers as the timeline's HTML and SVG need them: escaped for XML (so the SVG parses as XML too), characters
// XML cannot carry replaced, numbers in the invariant culture, long texts cut for labels (the full text is in a title).
internal static class Markup
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            escaped.Append(c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '"' => "&quot;",
                '\'' => "&#39;",
                '\n' or '\r' or '\t' => " ",
                _ when char.IsControl(c) => "?",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    public static string Number(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    public static string Cut(string text, int length) =>
        text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "\u2026");

    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);
}
