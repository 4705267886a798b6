using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.Storage;
using Total.Grains.Abstractions.Tenants;
using Total.Grains.Tenants;

namespace Total.Grains.Tests.Tenants;

/// <summary>
/// Tenants stored before token sets (a current and one previous token) read with the System.Text.Json grain storage
/// serializer the silos use, and keep exactly the tokens that worked.
/// </summary>
public sealed class TenantStateMigrationTests
{
    private static readonly DateTimeOffset IssuedAt = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private static readonly SystemTextJsonGrainStorageSerializer Storage = new(Options.Create(new SystemTextJsonGrainStorageSerializerOptions()));

    [Fact]
    public void A_current_and_a_previous_token_both_work_and_the_previous_one_until_its_stored_end()
    {
        var state = Read(Legacy(previousValidUntil: IssuedAt.AddHours(24)));

        TenantStateMigration.Migrate(state);

        Assert.True(ScimTokenSet.Accepts(state.ScimTokens, ScimToken.Hash("totscim_current"), IssuedAt.AddDays(30)));
        Assert.True(ScimTokenSet.Accepts(state.ScimTokens, ScimToken.Hash("totscim_previous"), IssuedAt.AddHours(23)));
        Assert.False(ScimTokenSet.Accepts(state.ScimTokens, ScimToken.Hash("totscim_previous"), IssuedAt.AddHours(24)));
        Assert.Equal(IssuedAt, state.ScimTokens[^1].IssuedAt);
    }

    [Fact]
    public void A_tenant_without_a_previous_token_has_its_current_one()
    {
        var state = Read(Legacy(previousValidUntil: null));

        TenantStateMigration.Migrate(state);

        var current = Assert.Single(state.ScimTokens);
        Assert.True(current.IsCurrent);
        Assert.True(ScimTokenSet.Accepts(state.ScimTokens, ScimToken.Hash("totscim_current"), IssuedAt));
    }

    [Fact]
    public void A_migrated_tenant_is_written_without_the_old_token_members()
    {
        var state = Read(Legacy(previousValidUntil: IssuedAt.AddHours(24)));
        TenantStateMigration.Migrate(state);

        var written = JsonNode.Parse(Storage.Serialize(state).ToString())!.AsObject();

        Assert.DoesNotContain(written, member => member.Key is "ScimTokenHash" or "ScimTokenIssuedAt" or "PreviousScimTokenHash" or "PreviousScimTokenValidUntil");
        Assert.Equal(2, written["ScimTokens"]!.AsArray().Count);
    }

    private static TenantState Read(string json) => Storage.Deserialize<TenantState>(BinaryData.FromString(json))!;

    /// <summary>A tenant as the silos stored it before token sets (members as System.Text.Json wrote them, nulls left out).</summary>
    private static string Legacy(DateTimeOffset? previousValidUntil)
    {
        var previous = previousValidUntil is { } until
            ? $""","PreviousScimTokenHash":"{Convert.ToBase64String(ScimToken.Hash("totscim_previous"))}","PreviousScimTokenValidUntil":"{until:O}" """.TrimEnd()
            : "";
        return $$"""{"Exists":true,"Name":"Contoso","EntraTenantId":"72f988bf-86f1-41af-91ab-2d7cd011db47","AdminGroups":["TOTAL-Admins"],"MonitoredGroups":["All-Staff"],"CreatedAt":"2026-10-21T09:00:00+00:00","ScimTokenHash":"{{Convert.ToBase64String(ScimToken.Hash("totscim_current"))}}","ScimTokenIssuedAt":"{{IssuedAt:O}}"{{previous}},"MonitorUsersOutsideGroups":true}""";
    }
}
