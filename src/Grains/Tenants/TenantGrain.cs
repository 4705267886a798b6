using Microsoft.Extensions.Logging;
using Total.Grains.Abstractions.Access;
using Total.Grains.Abstractions.Reconciliation;
using Total.Grains.Abstractions.Tenants;
using Total.Grains.Access;
using Total.Grains.Access.Storage;
using Total.Grains.Directory.Storage;
using Total.Grains.Secrets;
using Total.Grains.Storage;

namespace Total.Grains.Tenants;

/// <inheritdoc cref="ITenantGrain"/>
public sealed class TenantGrain(
    [PersistentState(GrainStorage.TenantState, GrainStorage.ProviderName)] IPersistentState<TenantState> state,
    SecretProtector secrets,
    IScimResourceStore directory,
    IGroupMemberStore members,
    IAccessStore access,
    AdminAccessPreview adminAccessPreview,
    TimeProvider time,
    ILogger<TenantGrain> logger) : Grain, ITenantGrain
{
    public const int MaxNameLength = 200;

    private string TenantId => this.GetPrimaryKeyString();

    private TenantState Tenant => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        TenantStateMigration.Migrate(Tenant);

        // Tenants created before reconciliation or the one-row-per-tenant directory existed get their reminder and
        // their directory row here; both are idempotent and cheap.
        if (Tenant.Exists)
        {
            GrainFactory.GetGrain<IReconciliationGrain>(TenantId).EnsureScheduledAsync().Ignore();
            GrainFactory.GetGrain<ITenantDirectoryGrain>(ITenantDirectoryGrain.Key)
                .AddAsync(new TenantSummary(TenantId, Tenant.Name, Tenant.EntraTenantId, Tenant.CreatedAt)).Ignore();
        }

        return Task.CompletedTask;
    }

    public async Task<TenantCreation> CreateAsync(TenantRegistration registration)
    {
        if (Tenant.Exists)
        {
            return Refused(new TenantOutcome(TenantOutcomeKind.AlreadyExists, $"Tenant '{TenantId}' already exists."));
        }

        var name = registration.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            return Refused(TenantOutcome.Invalid($"'name' is required and must be at most {MaxNameLength} characters."));
        }

        if (registration.EntraTenantId == Guid.Empty)
        {
            return Refused(TenantOutcome.Invalid("'entraTenantId' must be the customer's Entra tenant id (a GUID), not the empty GUID."));
        }

        var (admin, adminError) = GroupReferences.Normalize(registration.AdminGroups, "adminGroups");
        var (monitored, monitoredError) = GroupReferences.Normalize(registration.MonitoredGroups, "monitoredGroups");
        if ((adminError ?? monitoredError) is { } groupError)
        {
            return Refused(TenantOutcome.Invalid(groupError));
        }

        var appError = ValidateEntraApp(registration.EntraClientId, registration.EntraClientSecret);
        if (appError is not null)
        {
            return Refused(appError);
        }

        var index = GrainFactory.GetGrain<IEntraTenantIndexGrain>(registration.EntraTenantId.ToString("D"));
        if (!await index.ClaimAsync(TenantId))
        {
            return Refused(TenantOutcome.Invalid($"Entra tenant {registration.EntraTenantId:D} is already onboarded as another TOTAL tenant."));
        }

        var now = time.GetUtcNow();
        var token = ScimToken.Generate();
        state.State = new TenantState
        {
            Exists = true,
            Name = name,
            EntraTenantId = registration.EntraTenantId,
            EntraClientId = registration.EntraClientId?.Trim(),
            ProtectedEntraClientSecret = registration.EntraClientSecret is { Length: > 0 } secret ? secrets.Protect(secret, TenantId) : null,
            AdminGroups = admin,
            MonitoredGroups = monitored,
            CreatedAt = now,
            ScimTokens = ScimTokenSet.Issue(ScimToken.Hash(token), now),
        };

        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = new TenantState();
            await index.ReleaseAsync(TenantId);
            throw;
        }

        await GrainFactory.GetGrain<ITenantDirectoryGrain>(ITenantDirectoryGrain.Key)
            .AddAsync(new TenantSummary(TenantId, name, registration.EntraTenantId, now));
        await GrainFactory.GetGrain<IReconciliationGrain>(TenantId).EnsureScheduledAsync();
        logger.LogInformation("Tenant {TenantId} onboarded for Entra tenant {EntraTenantId}", TenantId, registration.EntraTenantId);
        return new TenantCreation(ToDetails(), token, TenantOutcome.Ok);
    }

    public Task<TenantDetails?> GetAsync() => Task.FromResult(ExistsElseDeactivate() ? ToDetails() : null);

    public async Task<TenantOutcome> UpdateGroupsAsync(GroupsUpdate update)
    {
        if (!Tenant.Exists)
        {
            return TenantOutcome.NotFound(TenantId);
        }

        var (admin, adminError) = GroupReferences.Normalize(update.AdminGroups, "adminGroups");
        var (monitored, monitoredError) = GroupReferences.Normalize(update.MonitoredGroups, "monitoredGroups");
        if ((adminError ?? monitoredError) is { } error)
        {
            return TenantOutcome.Invalid(error);
        }

        var previousAdmin = Tenant.AdminGroups;
        var adminGroupsChanged = AccessChanges.AdminGroupsChanged(previousAdmin, admin);
        if (adminGroupsChanged && await adminAccessPreview.AssessAsync(TenantId, admin, update.ActingUserId) is { } loss)
        {
            if (!update.ConfirmedAdminAccessLoss)
            {
                logger.LogInformation(
                    "Tenant {TenantId} admin groups change refused until confirmed: {AdminCount} admin(s) would lose console access (every admin: {TakesEveryAdmin}, own access: {EndsOwnAccess})",
                    TenantId,
                    loss.LosingAccessCount,
                    loss.TakesEveryAdmin,
                    loss.EndsActingAdminsAccess);
                return TenantOutcome.NeedsConfirmation(loss, Describe(loss));
            }

            logger.LogWarning(
                "Tenant {TenantId} admin groups changed with explicit confirmation: {AdminCount} admin(s) lose console access (every admin: {TakesEveryAdmin})",
                TenantId,
                loss.LosingAccessCount,
                loss.TakesEveryAdmin);
        }

        Tenant.AdminGroups = admin;
        Tenant.MonitoredGroups = monitored;
        Tenant.MonitorUsersOutsideGroups = update.MonitorUsersOutsideGroups ?? Tenant.MonitorUsersOutsideGroups;
        await state.WriteStateAsync();
        logger.LogInformation("Tenant {TenantId} groups changed: {AdminGroupCount} admin, {MonitoredGroupCount} monitored", TenantId, admin.Count, monitored.Count);

        if (adminGroupsChanged)
        {
            await RecomputeAdminsAsync(previousAdmin, admin, update.ConfirmedAdminAccessLoss, update.Request);
            await GrainFactory.GetGrain<IReconciliationGrain>(TenantId).AdminGroupsChangedAsync();
        }

        return TenantOutcome.Ok;
    }

    /// <summary>
    /// The admin groups changed: every current admin may have lost access, and every member of a group only the new
    /// entries name may have gained it (<see cref="AccessChanges.NewAdminGroups"/>). Both are recomputed before the
    /// change is acknowledged.
    /// </summary>
    private async Task RecomputeAdminsAsync(IReadOnlyList<string> previous, IReadOnlyList<string> current, bool confirmed, string? request)
    {
        var affected = (await access.ListFlaggedAsync(TenantId)).Select(u => u.UserId).ToList();
        foreach (var groupId in await NamedGroups.IdsAsync(GrainFactory, TenantId, AccessChanges.NewAdminGroups(previous, current)))
        {
            affected.AddRange(await members.ListAsync(TenantId, groupId));
        }

        var change = $"Admin groups changed from [{string.Join(", ", previous)}] to [{string.Join(", ", current)}]";
        var cause = AccessCause.Settings(confirmed ? change + ", confirmed explicitly although it takes admin access away" : change, request);
        await AccessFanOut.RecomputeAsync(GrainFactory, TenantId, affected, cause);
    }

    /// <summary>What the refusal says; the console and the operator API add how to confirm.</summary>
    private static string Describe(AdminAccessLoss loss)
    {
        var names = string.Join(", ", loss.LosingAccess.Select(admin => admin.UserName ?? admin.UserId));
        if (loss.LosingAccessCount > loss.LosingAccess.Count)
        {
            names += $" and {loss.LosingAccessCount - loss.LosingAccess.Count} more";
        }

        return loss.TakesEveryAdmin
            ? $"This change would take console access from every current admin ({names}); if nobody else is an admin under the new groups, no one could sign in to the console to undo it."
            : $"This change would end your own console access. Admins who would lose it: {names}.";
    }

    public async Task<TenantOutcome> UpdateEntraAppAsync(string? clientId, string? clientSecret)
    {
        if (!Tenant.Exists)
        {
            return TenantOutcome.NotFound(TenantId);
        }

        if (ValidateEntraApp(clientId, clientSecret) is { } error)
        {
            return error;
        }

        Tenant.EntraClientId = string.IsNullOrWhiteSpace(clientId) ? null : clientId.Trim();
        if (clientSecret is { Length: > 0 })
        {
            Tenant.ProtectedEntraClientSecret = secrets.Protect(clientSecret, TenantId);
        }

        await state.WriteStateAsync();
        logger.LogInformation("Tenant {TenantId} Entra app registration changed (secret replaced: {SecretReplaced})", TenantId, clientSecret is { Length: > 0 });
        return TenantOutcome.Ok;
    }

    public async Task<ScimTokenRotationOutcome> RotateScimTokenAsync(TimeSpan previousTokenValidFor, int? expectedGeneration = null)
    {
        if (!Tenant.Exists)
        {
            return new ScimTokenRotationOutcome(null, TenantOutcome.NotFound(TenantId));
        }

        if (expectedGeneration is { } expected && expected != Tenant.ScimTokenGeneration)
        {
            return new ScimTokenRotationOutcome(null, TenantOutcome.Conflict(
                $"The Secret Token was already rotated since this page was shown (last at {CurrentTokenIssuedAt:u}), so nothing was changed. "
                + "That token was shown once, right after; if it was not copied, generate another."));
        }

        var now = time.GetUtcNow();
        var token = ScimToken.Generate();
        var overlap = previousTokenValidFor > TimeSpan.Zero ? previousTokenValidFor : TimeSpan.Zero;
        var (tokens, refusal) = ScimTokenSet.Rotate(Tenant.ScimTokens, ScimToken.Hash(token), now, overlap);
        if (tokens is null)
        {
            return new ScimTokenRotationOutcome(null, TenantOutcome.Conflict(refusal!));
        }

        Tenant.ScimTokens = tokens;
        Tenant.ScimTokenGeneration++;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Whether the database kept the new set is unknown: memory must not retire the token Entra uses while
            // the stored set may not, so the next call reads the stored tokens again.
            DeactivateOnIdle();
            throw;
        }

        var previousValidUntil = overlap > TimeSpan.Zero ? now + overlap : (DateTimeOffset?)null;
        var earlier = EarlierTokens(now);
        logger.LogInformation(
            "Tenant {TenantId} SCIM token rotated; previous token valid until {PreviousValidUntil}, {EarlierTokenCount} earlier token(s) still working",
            TenantId,
            previousValidUntil,
            earlier.Count);
        return new ScimTokenRotationOutcome(new ScimTokenIssue(token, now, previousValidUntil, earlier), TenantOutcome.Ok);
    }

    public Task<bool> IsValidScimTokenAsync(byte[] presentedTokenHash)
    {
        if (!ExistsElseDeactivate())
        {
            return Task.FromResult(false);
        }

        return Task.FromResult(ScimTokenSet.Accepts(Tenant.ScimTokens, presentedTokenHash, time.GetUtcNow()));
    }

    public Task<TenantSignInSettings?> GetSignInSettingsAsync()
    {
        if (!ExistsElseDeactivate())
        {
            return Task.FromResult<TenantSignInSettings?>(null);
        }

        var secret = Tenant.ProtectedEntraClientSecret is { } stored ? secrets.Unprotect(stored, TenantId) : null;
        if (Tenant.ProtectedEntraClientSecret is not null && secret is null)
        {
            logger.LogError("Tenant {TenantId}: the stored Entra client secret cannot be decrypted with the configured keys (Secrets:EncryptionKey / PreviousEncryptionKeys); sign-in and Graph are unavailable until the secret is entered again", TenantId);
        }

        return Task.FromResult<TenantSignInSettings?>(new TenantSignInSettings(TenantId, Tenant.Name, Tenant.EntraTenantId, Tenant.EntraClientId, secret));
    }

    /// <summary>
    /// Whether the tenant exists; when not, this activation leaves as soon as it is idle. Anyone can name a tenant id
    /// in a URL (SCIM base, sign-in page, OIDC callbacks): an unknown one must not keep an activation.
    /// </summary>
    private bool ExistsElseDeactivate()
    {
        if (!Tenant.Exists)
        {
            DeactivateOnIdle();
        }

        return Tenant.Exists;
    }

    public async Task<bool> DeleteAsync()
    {
        if (!Tenant.Exists)
        {
            return false;
        }

        var entraTenantId = Tenant.EntraTenantId;
        await directory.DeleteTenantAsync(TenantId);
        await GrainFactory.GetGrain<Abstractions.Provisioning.IProvisioningLogGrain>(TenantId).ClearAsync();
        await state.ClearStateAsync();
        state.State = new TenantState();

        // Open console sessions end now: every admin's access is recomputed against a tenant that is gone.
        var admins = (await access.ListFlaggedAsync(TenantId)).Select(u => u.UserId);
        await AccessFanOut.RecomputeAsync(GrainFactory, TenantId, admins, AccessCause.Settings("Tenant offboarded"));
        await access.DeleteTenantAsync(TenantId);
        await GrainFactory.GetGrain<IReconciliationGrain>(TenantId).StopAsync();
        await GrainFactory.GetGrain<IEntraTenantIndexGrain>(entraTenantId.ToString("D")).ReleaseAsync(TenantId);
        await GrainFactory.GetGrain<ITenantDirectoryGrain>(ITenantDirectoryGrain.Key).RemoveAsync(TenantId);
        logger.LogInformation("Tenant {TenantId} offboarded", TenantId);
        return true;
    }

    private TenantOutcome? ValidateEntraApp(string? clientId, string? clientSecret)
    {
        if (!string.IsNullOrWhiteSpace(clientId) && !Guid.TryParse(clientId, out _))
        {
            return TenantOutcome.Invalid("'entraClientId' must be the application (client) id of the customer's Entra app registration (a GUID).");
        }

        if (clientSecret is { Length: > 0 } && !secrets.CanProtect)
        {
            return TenantOutcome.Invalid("This server has no encryption key (Secrets:EncryptionKey), so it refuses to store an Entra client secret. Ask the operator to configure one.");
        }

        if (clientSecret is { Length: > 1024 })
        {
            return TenantOutcome.Invalid("'entraClientSecret' is longer than 1024 characters.");
        }

        return null;
    }

    /// <summary>When the current token was issued (a tenant always has one; the creation time stands in for none recorded).</summary>
    private DateTimeOffset CurrentTokenIssuedAt => Tenant.ScimTokens.LastOrDefault(token => token.IsCurrent)?.IssuedAt ?? Tenant.CreatedAt;

    private List<ScimTokenOverlap> EarlierTokens(DateTimeOffset now) =>
        ScimTokenSet.InOverlap(Tenant.ScimTokens, now).Select(token => new ScimTokenOverlap(token.IssuedAt, token.ValidUntil!.Value)).ToList();

    private TenantDetails ToDetails()
    {
        var earlier = EarlierTokens(time.GetUtcNow());
        return new TenantDetails(
            TenantId,
            Tenant.Name,
            Tenant.EntraTenantId,
            Tenant.EntraClientId,
            Tenant.ProtectedEntraClientSecret is not null,
            Tenant.AdminGroups.ToArray(),
            Tenant.MonitoredGroups.ToArray(),
            Tenant.CreatedAt,
            CurrentTokenIssuedAt,
            earlier.Count > 0 ? earlier[^1].ValidUntil : null,
            Tenant.MonitorUsersOutsideGroups,
            earlier,
            Tenant.ScimTokenGeneration);
    }

    private static TenantCreation Refused(TenantOutcome outcome) => new(null, null, outcome);
}
