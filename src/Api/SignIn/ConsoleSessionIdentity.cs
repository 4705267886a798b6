using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Claims;

namespace Total.Api.SignIn;

/// <summary>
/// What a console session cookie says about itself (<see cref="ConsoleClaims"/>): whose it is, the access revision it
/// was granted under, its id and when it began. A cookie missing any of them (one issued before sessions had ids) is
/// no session: it could be neither revoked nor aged.
/// </summary>
public sealed record ConsoleSessionIdentity(string TenantId, string ObjectId, string UserId, long AccessRevision, string SessionId, DateTimeOffset StartedAt)
{
    public static bool TryRead(ClaimsPrincipal principal, [NotNullWhen(true)] out ConsoleSessionIdentity? session)
    {
        session = null;
        var tenantId = principal.FindFirst(ConsoleClaims.TenantId)?.Value;
        var oid = principal.FindFirst(ConsoleClaims.ObjectId)?.Value;
        var userId = principal.FindFirst(ConsoleClaims.UserId)?.Value;
        var sessionId = principal.FindFirst(ConsoleClaims.SessionId)?.Value;
        if (tenantId is null || oid is null || userId is null || sessionId is null
            || !long.TryParse(principal.FindFirst(ConsoleClaims.AccessRevision)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var revision)
            || !long.TryParse(principal.FindFirst(ConsoleClaims.StartedAt)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var startedAt))
        {
            return false;
        }

        session = new ConsoleSessionIdentity(tenantId, oid, userId, revision, sessionId, DateTimeOffset.FromUnixTimeMilliseconds(startedAt));
        return true;
    }
}
