namespace Total.Grains.Abstractions.Directory;

/// <summary>One provisioned user of one tenant. Keyed <c>{tenantId}/{userId}</c> (see <see cref="ScimKeys"/>).</summary>
[Alias("Total.ScimUser")]
public interface IScimUserGrain : IGrainWithStringKey
{
    /// <summary>Creates the user from a normalised SCIM User (no id, no meta): 201, or 409 when the userName is taken.</summary>
    [Alias("Create")]
    Task<ScimOutcome> CreateAsync(string resource);

    [Alias("Get"), ReadOnly]
    Task<ScimOutcome> GetAsync();

    /// <summary>PUT: replaces every client-writable attribute.</summary>
    /// <param name="request">The SCIM call, as the access log names what it changes (e.g. <c>PATCH /scim/v2/acme/Users/42, request 4bf9…</c>).</param>
    [Alias("Replace")]
    Task<ScimOutcome> ReplaceAsync(string resource, string? ifMatch, string? request = null);

    /// <summary>PATCH with a SCIM PatchOp body: all operations or none.</summary>
    /// <param name="request">The SCIM call, as the access log names what it changes.</param>
    [Alias("Patch")]
    Task<ScimOutcome> PatchAsync(string patchRequest, string? ifMatch, string? request = null);

    /// <param name="request">The SCIM call, as the access log names what it changes.</param>
    [Alias("Delete")]
    Task<ScimOutcome> DeleteAsync(string? ifMatch, string? request = null);
}
