namespace Total.Grains.Abstractions.Tenants;

/// <summary>The result of onboarding: the tenant and its first SCIM token, or why it was refused.</summary>
[GenerateSerializer, Immutable, Alias("Total.TenantCreation")]
public sealed record TenantCreation(
    [property: Id(0)] TenantDetails? Tenant,
    [property: Id(1)] string? ScimToken,
    [property: Id(2)] TenantOutcome Outcome);
