using System.Globalization;
using System.Text;
using Total.Scim.Errors;

namespace Total.Scim.Filter;

/// <summary>
/// Splits filter text into tokens. A word is any run of characters other than whitespace, brackets,
/// parentheses and quotes, which covers attribute paths (including URNs with dots and colons),
/// operators, numbers and the legacy unquoted values Entra once sent (<c>externalId eq jyoung</c>).
/// Strings are JSON strings with the JSON escapes.
/// </summary>
internal static class FilterLexer
{
    public static List<FilterToken> Tokenize(string text, Func<string, ScimException> error)
    {
        var tokens = new List<FilterToken>();
        var i = 0;
        var afterWhitespace = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                afterWhitespace = true;
                i++;
                continue;
            }

            var single = c switch
            {
                '(' => FilterTokenKind.OpenParen,
                ')' => FilterTokenKind.CloseParen,
                '[' => FilterTokenKind.OpenBracket,
                ']' => FilterTokenKind.CloseBracket,
                _ => FilterTokenKind.End,
            };
            if (single != FilterTokenKind.End)
            {
                tokens.Add(new FilterToken(single, c.ToString(), i + 1, afterWhitespace));
                i++;
            }
            else if (c == '"')
            {
                var start = i;
                var value = ReadString(text, ref i, error);
                tokens.Add(new FilterToken(FilterTokenKind.String, value, start + 1, afterWhitespace));
            }
            else
            {
                var start = i;
                while (i < text.Length && !IsDelimiter(text[i]))
                {
                    i++;
                }

                tokens.Add(new FilterToken(FilterTokenKind.Word, text[start..i], start + 1, afterWhitespace));
            }

            afterWhitespace = false;
        }

        tokens.Add(new FilterToken(FilterTokenKind.End, string.Empty, text.Length + 1, afterWhitespace));
        return tokens;
    }

    private static bool IsDelimiter(char c) => char.IsWhiteSpace(c) || c is '(' or ')' or '[' or ']' or '"';

    private static string ReadString(string text, ref int i, Func<string, ScimException> error)
    {
        var start = i;
        var builder = new StringBuilder();
        i++;
        while (true)
        {
            if (i >= text.Length)
            {
                throw error($"Unterminated string starting at position {start + 1}: add the closing '\"'.");
            }

            var c = text[i];
            if (c == '"')
            {
                i++;
                var value = builder.ToString();
                if (HasUnpairedSurrogate(value))
                {
                    // Such a string cannot be UTF-8 encoded, so it can match nothing and must not travel further.
                    throw error($"The string starting at position {start + 1} contains an unpaired UTF-16 surrogate (e.g. a lone \\ud800 escape).");
                }

                return value;
            }

            if (c != '\\')
            {
                builder.Append(c);
                i++;
                continue;
            }

            if (i + 1 >= text.Length)
            {
                throw error($"Unterminated escape sequence at position {i + 1}.");
            }

            var escaped = text[i + 1];
            switch (escaped)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (i + 6 > text.Length || !ushort.TryParse(text.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw error($"Invalid \\u escape at position {i + 1}: expected four hexadecimal digits.");
                    }

                    if (code == 0)
                    {
                        throw error($"The \\u0000 escape at position {i + 1} is not allowed: no attribute holds the NUL character.");
                    }

                    builder.Append((char)code);
                    i += 4;
                    break;
                default:
                    throw error($"Invalid escape sequence '\\{escaped}' at position {i + 1}; valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX.");
            }

            i += 2;
        }
    }

    private static bool HasUnpairedSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return true;
            }
        }

        return false;
    }
}
