namespace Total.Grains.Tenants;

/// <summary>Brings a tenant's stored state, as read, to today's shape; written back with the tenant's next change.</summary>
public static class TenantStateMigration
{
    /// <summary>
    /// Tenants stored before token sets kept <c>ScimTokenHash</c> and one <c>PreviousScimTokenHash</c> with its
    /// <c>PreviousScimTokenValidUntil</c>: both become <see cref="TenantState.ScimTokens"/>, and keep working exactly as
    /// long as before. When the previous token was issued was never stored.
    /// </summary>
    public static void Migrate(TenantState state)
    {
        if (state.ScimTokenHash is not { } current)
        {
            return;
        }

        var tokens = new List<StoredScimToken>(2);
        if (state.PreviousScimTokenHash is { } previous && state.PreviousScimTokenValidUntil is { } until)
        {
            tokens.Add(new StoredScimToken(previous, IssuedAt: null, until));
        }

        tokens.Add(new StoredScimToken(current, state.ScimTokenIssuedAt ?? state.CreatedAt));
        state.ScimTokens = tokens;
        state.ScimTokenHash = null;
        state.ScimTokenIssuedAt = null;
        state.PreviousScimTokenHash = null;
        state.PreviousScimTokenValidUntil = null;
    }
}
