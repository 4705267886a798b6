using System.Text.Json;
using Total.Grains.Abstractions.Directory;
using Total.Grains.Abstractions.Tenants;
using Total.Scim.Schema;

namespace Total.DevStandIns.Entra;

/// <summary>The TOTAL tenant onboarded for an Entra tenant, and its provisioned users (the first 200 by userName).</summary>
internal sealed record ProvisionedDirectory(string? TenantId, IReadOnlyList<ProvisionedUser> Users, int TotalUsers, string? Error)
{
    public const int PageSize = 200;

    public static async Task<ProvisionedDirectory> ReadAsync(IGrainFactory grains, Guid entraTenantId)
    {
        var tenantId = await grains.GetGrain<IEntraTenantIndexGrain>(entraTenantId.ToString("D")).GetOwnerAsync();
        if (tenantId is null)
        {
            return new ProvisionedDirectory(null, [], 0, null);
        }

        var page = await grains.GetGrain<IDirectoryQueryGrain>(ScimKeys.Query(tenantId, ScimResourceSchema.User))
            .QueryAsync(new DirectoryQuery(null, "userName", false, 1, PageSize));
        if (page.Error is not null)
        {
            return new ProvisionedDirectory(tenantId, [], 0, page.Error.Detail);
        }

        return new ProvisionedDirectory(tenantId, page.Resources.Select(Parse).ToList(), page.TotalResults, null);
    }

    private static ProvisionedUser Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new ProvisionedUser(
            String(root, "userName") ?? string.Empty,
            String(root, "displayName"),
            String(root, "externalId"),
            !root.TryGetProperty("active", out var active) || active.ValueKind != JsonValueKind.False);
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()) ? value.GetString() : null;
}
