using Total.Scim;

namespace Total.Api.Scim;

/// <summary>The <c>Scim</c> configuration section.</summary>
public sealed class ScimOptions
{
    public const string Section = "Scim";

    /// <summary>How long the previous SCIM token keeps working after a rotation, unless the rotation says otherwise (0 to 30 days, as a rotation may ask).</summary>
    [SettingRange(typeof(TimeSpan), "00:00:00", "30.00:00:00", ErrorMessage = $"{Section}:{nameof(TokenRotationOverlap)} must be 00:00:00 to 30.00:00:00, e.g. 1.00:00:00 (24 hours).")]
    public TimeSpan TokenRotationOverlap { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a validated token is trusted without asking the tenant grain again (bounds how late a revoked token still works); 0 asks every time.</summary>
    [SettingRange(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = $"{Section}:{nameof(TokenCacheDuration)} must be 00:00:00 to 01:00:00 (it bounds how late a revoked token still works), e.g. 00:00:10.")]
    public TimeSpan TokenCacheDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest accepted SCIM request body; larger ones get 413.</summary>
    [SettingRange(typeof(long), "1024", "1073741824", ErrorMessage = $"{Section}:{nameof(MaxRequestBodyBytes)} must be {{1}} to {{2}} bytes, e.g. 1048576.")]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The externally visible base of this service (e.g. https://total.example.com) for the Tenant URL; the request's own scheme and host when unset.</summary>
    public string? PublicBaseUrl { get; set; }
}
