using Total.Grains.Abstractions.Access;

namespace Total.Grains.Abstractions.Tenants;

/// <summary>Why a tenant command was refused; <see cref="Ok"/> when it was applied.</summary>
[GenerateSerializer, Immutable, Alias("Total.TenantOutcome")]
public sealed record TenantOutcome(
    [property: Id(0)] TenantOutcomeKind Kind,
    [property: Id(1)] string? Detail = null,
    [property: Id(2)] AdminAccessLoss? AdminAccessLoss = null)
{
    public static TenantOutcome Ok { get; } = new(TenantOutcomeKind.Ok);

    public bool Succeeded => Kind == TenantOutcomeKind.Ok;

    public static TenantOutcome NotFound(string tenantId) => new(TenantOutcomeKind.NotFound, $"Tenant '{tenantId}' does not exist.");

    public static TenantOutcome Invalid(string detail) => new(TenantOutcomeKind.Invalid, detail);

    public static TenantOutcome Conflict(string detail) => new(TenantOutcomeKind.Conflict, detail);

    /// <summary>The change would take admin access that only an explicit confirmation may take.</summary>
    public static TenantOutcome NeedsConfirmation(AdminAccessLoss loss, string detail) => new(TenantOutcomeKind.AdminAccessLoss, detail, loss);
}

[Alias("Total.TenantOutcomeKind")]
public enum TenantOutcomeKind
{
    Ok = 0,
    NotFound = 1,
    Invalid = 2,
    AlreadyExists = 3,

    /// <summary>Refused until confirmed: see <see cref="TenantOutcome.AdminAccessLoss"/>.</summary>
    AdminAccessLoss = 4,

    /// <summary>Refused in the tenant's present state (too many live SCIM tokens, a form shown before a change).</summary>
    Conflict = 5,
}
