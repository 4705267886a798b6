using Total.Scim.Errors;

namespace Total.Scim.Messages;

/// <summary>An HTTP entity tag (RFC 7232 §2.3), e.g. <c>W/"5"</c> or <c>"5"</c>.</summary>
/// <param name="Opaque">The text between the quotes.</param>
/// <param name="IsWeak">True for the <c>W/</c> form.</param>
public sealed record EntityTag(string Opaque, bool IsWeak)
{
    /// <inheritdoc />
    public override string ToString() => (IsWeak ? "W/" : string.Empty) + "\"" + Opaque + "\"";

    /// <summary>
    /// Parses a comma-separated list of entity tags (an <c>If-Match</c>/<c>If-None-Match</c> value
    /// other than <c>*</c>). Unquoted tokens are accepted as opaque tags for lenient clients.
    /// </summary>
    /// <exception cref="ScimException">400 invalidVers for an unterminated quote or a bad <c>W/</c> prefix.</exception>
    public static IReadOnlyList<EntityTag> ParseList(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var tags = new List<EntityTag>();
        var i = 0;
        while (i < header.Length)
        {
            if (char.IsWhiteSpace(header[i]) || header[i] == ',')
            {
                i++;
                continue;
            }

            var weak = false;
            if (header.AsSpan(i).StartsWith("W/", StringComparison.Ordinal))
            {
                weak = true;
                i += 2;
                if (i >= header.Length || header[i] != '"')
                {
                    throw ScimException.InvalidVersion("An entity tag marked W/ must be followed by a quoted value, e.g. W/\"5\".");
                }
            }

            if (header[i] == '"')
            {
                var end = header.IndexOf('"', i + 1);
                if (end < 0)
                {
                    throw ScimException.InvalidVersion("An entity tag in the precondition header is missing its closing quote.");
                }

                tags.Add(new EntityTag(header[(i + 1)..end], weak));
                i = end + 1;
            }
            else
            {
                var end = header.IndexOf(',', i);
                end = end < 0 ? header.Length : end;
                tags.Add(new EntityTag(header[i..end].Trim(), false));
                i = end;
            }
        }

        return tags;
    }
}
