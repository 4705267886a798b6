using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Total.Api.Setup;
using Total.Api.SignIn;
using Total.Grains.Abstractions.Directory;
using Total.Grains.Abstractions.Provisioning;
using Total.Grains.Abstractions.Reconciliation;
using Total.Grains.Abstractions.Tenants;
using Total.Scim.Schema;

namespace Total.Api.Pages.Console;

/// <summary>Setup check: each setup step, verified from what TOTAL observed, with what to fix.</summary>
public sealed class SetupCheckModel(IGrainFactory grains, VendorApp vendorApp) : PageModel
{
    public const int UserSample = 200;
    public const int GroupLimit = 500;

    public IReadOnlyList<SetupCheck> Checks { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var tenantId = User.FindFirst(ConsoleClaims.TenantId)!.Value;
        var tenant = (await grains.GetGrain<ITenantGrain>(tenantId).GetAsync())!;
        var provisioning = await grains.GetGrain<IProvisioningLogGrain>(tenantId).StatusAsync();
        var users = await grains.GetGrain<IDirectoryQueryGrain>(ScimKeys.Query(tenantId, ScimResourceSchema.User)).QueryAsync(new DirectoryQuery(null, null, false, 1, UserSample));
        var groups = await grains.GetGrain<IDirectoryQueryGrain>(ScimKeys.Query(tenantId, ScimResourceSchema.Group)).QueryAsync(new DirectoryQuery(null, null, false, 1, GroupLimit));
        var observedGroups = await Task.WhenAll(groups.Resources.Select(async resource =>
        {
            var group = JsonNode.Parse(resource)!.AsObject();
            var count = await grains.GetGrain<IScimGroupGrain>(ScimKeys.Resource(tenantId, (string)group["id"]!)).CountMembersAsync();
            return new ObservedGroup((string?)group["displayName"] ?? "", (string?)group["externalId"], count);
        }));
        var sample = users.Resources.Select(resource =>
        {
            var user = ConsoleUser.From(resource, null);
            return new ObservedUser(user.UserName, user.ExternalId, user.Title, user.Department);
        }).ToList();
        var revocation = await grains.GetGrain<IReconciliationGrain>(tenantId).GetStatusAsync();
        Checks = SetupDiagnosis.Evaluate(new SetupObservations(tenant, provisioning, users.TotalResults, sample, observedGroups, revocation, TenantEntraApp.Of(tenant, vendorApp, Request)));
    }
}
