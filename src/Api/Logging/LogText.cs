using System.Globalization;
using System.Text;

namespace Total.Api.Logging;

/// <summary>
/// Values from requests made safe for a log line: control characters and Unicode line separators are written as
/// escapes (<c>\r</c>, <c>\n</c>, <c>\t</c>, <c>\u001B</c>), so a value cannot end its line and forge the next one or
/// send terminal escape sequences to whoever reads the log.
/// </summary>
public static class LogText
{
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value) || !value.Any(NeedsEscape))
        {
            return value ?? "";
        }

        var escaped = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            _ = c switch
            {
                '\r' => escaped.Append("\\r"),
                '\n' => escaped.Append("\\n"),
                '\t' => escaped.Append("\\t"),
                _ when NeedsEscape(c) => escaped.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }

    private static bool NeedsEscape(char c) => char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085';
}
