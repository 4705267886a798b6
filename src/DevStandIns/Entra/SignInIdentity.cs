namespace Total.DevStandIns.Entra;

/// <summary>Who the person picked on the sign-in page is, in Entra's terms.</summary>
/// <param name="TenantId">The <c>tid</c>: the Entra tenant they sign in to.</param>
/// <param name="ObjectId">The <c>oid</c>: their object id in that tenant (SCIM <c>externalId</c> when provisioned).</param>
/// <param name="Name">The <c>name</c> claim (display only).</param>
/// <param name="PreferredUsername">The <c>preferred_username</c> claim (usually the UPN; mutable, never authorised on).</param>
internal sealed record SignInIdentity(Guid TenantId, string ObjectId, string Name, string PreferredUsername);
