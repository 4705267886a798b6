using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Total.Grains.Abstractions.Access;
using Total.Grains.Abstractions.Directory;
using Total.Grains.Access;
using Total.Grains.Directory.Storage;
using Total.Scim;
using Total.Scim.Errors;
using Total.Scim.Json;
using Total.Scim.Patch;
using Total.Scim.Schema;

namespace Total.Grains.Directory;

/// <inheritdoc cref="IScimUserGrain"/>
/// <remarks>One activation per user serialises every change to it; the stored row is its only state.</remarks>
// Entra touches a resource about once per 40-minute cycle: an idle one is cheaper reloaded than kept.
[CollectionAgeLimit(Minutes = 2)]
public sealed class ScimUserGrain(IScimResourceStore store, IGroupMemberStore members, TimeProvider time, IOptions<ScimLimitsOptions> limits) : Grain, IScimUserGrain
{
    private static readonly ScimResourceSchema Schema = ScimResourceSchema.User;
    private string _tenantId = "";
    private string _id = "";
    private ScimResourceLifecycle _lifecycle = null!;
    private StoredResource? _row;
    private bool _loaded;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_tenantId, _id) = ScimKeys.Parse(this.GetPrimaryKeyString());
        _lifecycle = new ScimResourceLifecycle(_tenantId, ScimResourceType.User, store, members, GrainFactory, limits.Value.MaxStringLength, DeactivateOnIdle);
        return Task.CompletedTask;
    }

    public async Task<ScimOutcome> CreateAsync(string resource)
    {
        // Not read first: a create's id is new (the API makes it), and the primary key refuses one that is not.
        if (_loaded && _row is not null)
        {
            return ScimOutcomes.Conflict($"User '{_id}' already exists.");
        }

        try
        {
            var normalized = WriteOnlyAttributes.Drop(ScimResourceNormalizer.Normalize(ScimRequestJson.ParseValidatedObject(resource, limits.Value.MaxJsonDepth), Schema), Schema);
            ScimResourceNormalizer.Validate(normalized, Schema);
            var (row, refused) = await _lifecycle.CreateAsync(_id, normalized, time.GetUtcNow());
            if (refused is not null)
            {
                DeactivateOnIdle();
                return refused;
            }

            (_row, _loaded) = (row, true);
            return ScimOutcome.Created(row!.Body);
        }
        catch (ScimException exception)
        {
            DeactivateOnIdle();
            return ScimOutcomes.From(exception);
        }
    }

    public async Task<ScimOutcome> GetAsync() => await RowAsync() is { } row ? ScimOutcome.Ok(row.Body) : NotFound();

    public async Task<ScimOutcome> ReplaceAsync(string resource, string? ifMatch, string? request = null)
    {
        if (await RowAsync() is not { } row)
        {
            return NotFound();
        }

        try
        {
            ScimRequests.RequireVersion(ifMatch, row.Version, $"User '{_id}'");
            var current = Resource;
            var normalized = WriteOnlyAttributes.Drop(ScimResourceNormalizer.Normalize(ScimRequestJson.ParseValidatedObject(resource, limits.Value.MaxJsonDepth), Schema, current), Schema);
            ScimResourceNormalizer.Validate(normalized, Schema);
            return await SaveAsync(current, normalized, request);
        }
        catch (ScimException exception)
        {
            return ScimOutcomes.From(exception);
        }
    }

    public async Task<ScimOutcome> PatchAsync(string patchRequest, string? ifMatch, string? request = null)
    {
        if (await RowAsync() is not { } row)
        {
            return NotFound();
        }

        try
        {
            ScimRequests.RequireVersion(ifMatch, row.Version, $"User '{_id}'");
            var operations = ScimPatch.ParseRequest(ScimRequestJson.ParseValidatedObject(patchRequest, limits.Value.MaxJsonDepth), limits.Value.Patch);
            var current = Resource;
            return await SaveAsync(current, WriteOnlyAttributes.Drop(ScimPatch.Apply(current, operations, Schema), Schema), request);
        }
        catch (ScimException exception)
        {
            return ScimOutcomes.From(exception);
        }
    }

    public async Task<ScimOutcome> DeleteAsync(string? ifMatch, string? request = null)
    {
        if (await RowAsync() is not { } row)
        {
            return NotFound();
        }

        try
        {
            ScimRequests.RequireVersion(ifMatch, row.Version, $"User '{_id}'");
        }
        catch (ScimException exception)
        {
            return ScimOutcomes.From(exception);
        }

        var userName = (string?)Resource["userName"];
        await _lifecycle.DeleteAsync(row);
        _row = null;
        DeactivateOnIdle();
        await RecomputeAccessAsync($"user '{userName}' deleted", request);
        return ScimOutcome.NoContent;
    }

    /// <summary>
    /// Writes a changed resource as the next version; an unchanged one (Entra resends values) writes nothing.
    /// <paramref name="current"/> is the stored resource, parsed; <paramref name="next"/> the new one, the grain's own.
    /// </summary>
    private async Task<ScimOutcome> SaveAsync(JsonObject current, JsonObject next, string? request)
    {
        var before = _row!;
        (_row, var refused) = await _lifecycle.SaveAsync(before, current, next, time.GetUtcNow());
        if (refused is null && !ReferenceEquals(before, _row)
            && AccessChanges.OfUserWrite(UserActive.Of(current), UserActive.Of(next), before.ExternalId, _row.ExternalId) is { } what)
        {
            await RecomputeAccessAsync($"user '{(string?)next["userName"]}' {what}", request);
        }

        return refused ?? ScimOutcome.Ok(_row.Body);
    }

    /// <summary>Recomputes the user's admin access before the SCIM call is acknowledged.</summary>
    private Task<AccessDecision?> RecomputeAccessAsync(string what, string? request) =>
        GrainFactory.GetGrain<IUserAccessGrain>(ScimKeys.Resource(_tenantId, _id))
            .RecomputeAsync(AccessCause.Scim($"SCIM: {what}", request));

    /// <summary>The stored row, read on first use and kept while the grain is active.</summary>
    private async ValueTask<StoredResource?> RowAsync()
    {
        if (!_loaded)
        {
            _row = await store.GetAsync(_tenantId, ScimResourceType.User, _id);
            _loaded = true;
        }

        return _row;
    }

    /// <summary>The stored resource, parsed on demand: an idle grain keeps only its row's text, not a JSON tree.</summary>
    private JsonObject Resource => ScimJson.Read(_row!.Body);

    /// <summary>An unknown id (a typo, a deleted user, a probe) must not keep an empty activation for the collection age.</summary>
    private ScimOutcome NotFound()
    {
        DeactivateOnIdle();
        return ScimOutcome.NotFound("User", _id);
    }
}
