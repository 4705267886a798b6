using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace Total.DevStandIns.Graph;

/// <summary>
/// The state a <c>$deltatoken</c> carries: which tenant and query, and the directory version it was issued at,
/// so the next round reports only later changes. Opaque to clients (base64url JSON), as Graph's tokens are.
/// </summary>
/// <param name="Epoch">The tenant's token generation; expiring a tenant's tokens starts a new one.</param>
internal sealed record DeltaCursor(Guid TenantId, long Epoch, long Version, DeltaQuery Query, DateTimeOffset IssuedAt)
{
    /// <summary>How long Graph honours delta tokens of identity resources.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public string Encode() => WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(this));

    /// <summary>The cursor, or null for anything that is not a token the stand-in issued.</summary>
    public static DeltaCursor? Decode(string token)
    {
        try
        {
            return JsonSerializer.Deserialize<DeltaCursor>(WebEncoders.Base64UrlDecode(token));
        }
        catch (Exception e) when (e is FormatException or JsonException or NotSupportedException)
        {
            return null;
        }
    }
}
