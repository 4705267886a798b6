using System.Security.Cryptography;
using System.Text;
using Total.Grains.Abstractions.Access;

namespace Total.Api.SignIn;

/// <summary>A short fingerprint of the parts of an access decision a session depends on: any change ends the session.</summary>
public static class AccessRevision
{
    public static string Of(AccessDecision decision) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{decision.Admin}|{decision.Active}|{decision.UserId}"))).AsSpan(0, 16).ToString();
}
