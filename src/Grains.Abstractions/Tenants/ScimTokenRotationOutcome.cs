namespace Total.Grains.Abstractions.Tenants;

/// <summary>The result of rotating a tenant's SCIM token: the new token (shown once), or why none was issued.</summary>
[GenerateSerializer, Immutable, Alias("Total.ScimTokenRotationOutcome")]
public sealed record ScimTokenRotationOutcome(
    [property: Id(0)] ScimTokenIssue? Issue,
    [property: Id(1)] TenantOutcome Outcome);
