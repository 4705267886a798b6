namespace Total.Api.SignIn;

/// <summary>Why someone got no console session; each has a page text saying what to do and whom to ask.</summary>
public enum NoAccessReason
{
    TenantNotOnboarded,
    SignInNotConfigured,
    WrongTenant,
    MissingObjectId,
    NotProvisioned,
    ExternalIdMappingWrong,
    Disabled,
    NotAdmin,
    SignInFailed,
    SessionEnded,
}
