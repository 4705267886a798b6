namespace Total.DevStandIns.Entra;

/// <summary>What one authorization code stands for: everything the token request must match, and who signed in.</summary>
internal sealed record AuthorizationGrant(
    StandInTenant Tenant,
    AuthorizationRequest Request,
    SignInIdentity Identity,
    TokenDefects Defects,
    DateTimeOffset ExpiresAt);
