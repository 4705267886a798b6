namespace Total.Scim.Schema;

/// <summary>What <c>/ServiceProviderConfig</c> advertises (RFC 7643 §5). Defaults describe this server.</summary>
/// <param name="MaxResults">Largest page / filter result served.</param>
/// <param name="PatchSupported">PATCH support (required by Entra for groups).</param>
/// <param name="BulkSupported">Bulk support.</param>
/// <param name="FilterSupported">Filter support.</param>
/// <param name="ChangePasswordSupported">Password change support.</param>
/// <param name="SortSupported">sortBy/sortOrder support.</param>
/// <param name="ETagSupported">ETag / If-Match support.</param>
/// <param name="DocumentationUri">Optional help page for provisioning admins.</param>
public sealed record ScimServiceProviderCapabilities(
    int MaxResults = 1000,
    bool PatchSupported = true,
    bool BulkSupported = false,
    bool FilterSupported = true,
    bool ChangePasswordSupported = false,
    bool SortSupported = true,
    bool ETagSupported = true,
    Uri? DocumentationUri = null)
{
    /// <summary>This server's capabilities.</summary>
    public static ScimServiceProviderCapabilities Default { get; } = new();
}
