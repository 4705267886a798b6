namespace Total.DevStandIns.Entra;

/// <summary>A user SCIM provisioned into the TOTAL tenant, as the sign-in page offers them.</summary>
internal sealed record ProvisionedUser(string UserName, string? DisplayName, string? ExternalId, bool Active);
