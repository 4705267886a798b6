namespace Total.DevStandIns.Entra;

/// <summary>
/// The tenant segment of an Entra v2.0 URL: a tenant id (normalised to Entra's lower-case <c>D</c> form) or
/// one of the multi-tenant aliases <c>organizations</c> and <c>common</c>.
/// </summary>
internal sealed record StandInTenant(string Segment, Guid? TenantId)
{
    public bool IsMultiTenant => TenantId is null;

    public static bool TryParse(string? segment, out StandInTenant tenant)
    {
        if (Guid.TryParse(segment, out var id) && id != Guid.Empty)
        {
            tenant = new StandInTenant(id.ToString("D"), id);
            return true;
        }

        if (string.Equals(segment, "organizations", StringComparison.OrdinalIgnoreCase) || string.Equals(segment, "common", StringComparison.OrdinalIgnoreCase))
        {
            tenant = new StandInTenant(segment!.ToLowerInvariant(), null);
            return true;
        }

        tenant = null!;
        return false;
    }
}
