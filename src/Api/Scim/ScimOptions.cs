namespace Total.Api.Scim;

/// <summary>The <c>Scim</c> configuration section.</summary>
public sealed class ScimOptions
{
    public const string Section = "Scim";

    /// <summary>How long the previous SCIM token keeps working after a rotation, unless the rotation says otherwise.</summary>
    public TimeSpan TokenRotationOverlap { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a validated token is trusted without asking the tenant grain again (bounds how late a revoked token still works).</summary>
    public TimeSpan TokenCacheDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest accepted SCIM request body; larger ones get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The externally visible base of this service (e.g. https://total.example.com) for the Tenant URL; the request's own scheme and host when unset.</summary>
    public string? PublicBaseUrl { get; set; }
}
