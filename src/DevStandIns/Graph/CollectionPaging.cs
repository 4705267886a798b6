using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Total.Hosting.Http;

namespace Total.DevStandIns.Graph;

/// <summary>
/// <c>$top</c> and <c>$skiptoken</c> paging of plain collections (a group's members, the groups): the skip token
/// carries the offset; the next link repeats the request's other query options, as Graph's do. Like Graph, the
/// server may page smaller than <c>$top</c> asks: the tenant's page-size knob is the most a page holds.
/// </summary>
internal static class CollectionPaging
{
    /// <summary>The page size and offset, or a Graph 400 message.</summary>
    public static (int Top, int Offset, string? Error) Read(IQueryCollection query, int serverPageSize)
    {
        var top = serverPageSize;
        if (query["$top"].FirstOrDefault() is { } topText)
        {
            if (!int.TryParse(topText, NumberStyles.None, CultureInfo.InvariantCulture, out var asked) || asked is < 1 or > GraphStandInKnobs.MaxPageSize)
            {
                return (0, 0, $"Invalid page size specified: '{topText}'. Must be between 1 and {GraphStandInKnobs.MaxPageSize} inclusive.");
            }

            top = Math.Min(asked, serverPageSize);
        }

        var offset = 0;
        if (query["$skiptoken"].FirstOrDefault() is { } skipToken && !TryDecodeOffset(skipToken, out offset))
        {
            return (0, 0, "Invalid $skiptoken.");
        }

        return (top, offset, null);
    }

    /// <summary>The link to the page starting at <paramref name="nextOffset"/>, or null when <paramref name="count"/> is reached.</summary>
    public static string? NextLink(HttpRequest request, int nextOffset, int count)
    {
        if (nextOffset >= count)
        {
            return null;
        }

        var parameters = request.Query
            .Where(parameter => !string.Equals(parameter.Key, "$skiptoken", StringComparison.OrdinalIgnoreCase))
            .Select(parameter => $"{parameter.Key}={Uri.EscapeDataString(parameter.Value.ToString())}")
            .Append($"$skiptoken={EncodeOffset(nextOffset)}");
        return $"{SiteRoot.Of(request)}{request.Path}?{string.Join('&', parameters)}";
    }

    private static string EncodeOffset(int offset) =>
        WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(FormattableString.Invariant($"offset:{offset}")));

    private static bool TryDecodeOffset(string token, out int offset)
    {
        offset = 0;
        try
        {
            var text = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token));
            return text.StartsWith("offset:", StringComparison.Ordinal)
                && int.TryParse(text.AsSpan("offset:".Length), NumberStyles.None, CultureInfo.InvariantCulture, out offset);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
