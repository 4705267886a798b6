namespace Total.Grains.Abstractions.Tenants;

/// <summary>Why a tenant command was refused; <see cref="Ok"/> when it was applied.</summary>
[GenerateSerializer, Immutable, Alias("Total.TenantOutcome")]
public sealed record TenantOutcome(
    [property: Id(0)] TenantOutcomeKind Kind,
    [property: Id(1)] string? Detail = null)
{
    public static TenantOutcome Ok { get; } = new(TenantOutcomeKind.Ok);

    public bool Succeeded => Kind == TenantOutcomeKind.Ok;

    public static TenantOutcome NotFound(string tenantId) => new(TenantOutcomeKind.NotFound, $"Tenant '{tenantId}' does not exist.");

    public static TenantOutcome Invalid(string detail) => new(TenantOutcomeKind.Invalid, detail);
}

[Alias("Total.TenantOutcomeKind")]
public enum TenantOutcomeKind
{
    Ok = 0,
    NotFound = 1,
    Invalid = 2,
    AlreadyExists = 3,
}
