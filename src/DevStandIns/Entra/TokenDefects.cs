using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Total.DevStandIns.Entra;

/// <summary>
/// Deliberate defects a test asks for (extra form fields on the authorize POST), so it can prove the product
/// refuses tokens real Entra would never issue for it: another tenant's <c>tid</c>, a foreign issuer, no
/// <c>oid</c>, an expired token, or a signature by a key that is not published.
/// </summary>
internal sealed record TokenDefects(string? TidOverride, string? IssuerOverride, bool OmitOid, int? LifetimeSeconds, bool UnknownKey)
{
    public const string TidOverrideField = "tid_override";
    public const string IssuerOverrideField = "issuer_override";
    public const string OmitOidField = "omit_oid";
    public const string LifetimeSecondsField = "lifetime_seconds";
    public const string UnknownKeyField = "unknown_key";

    /// <summary>A day either way is enough for any expiry test and keeps nonsense out.</summary>
    private const int MaxLifetimeSeconds = 86_400;

    public static readonly TokenDefects None = new(null, null, false, null, false);

    public static (TokenDefects? Defects, string? Error) Read(Func<string, StringValues> field)
    {
        int? lifetime = null;
        var lifetimeText = Text(field(LifetimeSecondsField));
        if (lifetimeText is not null)
        {
            if (!int.TryParse(lifetimeText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds) || Math.Abs(seconds) > MaxLifetimeSeconds)
            {
                return (null, $"'{LifetimeSecondsField}' must be a whole number of seconds between -{MaxLifetimeSeconds} and {MaxLifetimeSeconds}.");
            }

            lifetime = seconds;
        }

        return (new TokenDefects(Text(field(TidOverrideField)), Text(field(IssuerOverrideField)), IsTrue(field(OmitOidField)), lifetime, IsTrue(field(UnknownKeyField))), null);
    }

    private static string? Text(StringValues value) => string.IsNullOrWhiteSpace(value) ? null : value.ToString().Trim();

    private static bool IsTrue(StringValues value) =>
        Text(value) is { } text && (bool.TryParse(text, out var flag) ? flag : text is "1" or "on");
}
