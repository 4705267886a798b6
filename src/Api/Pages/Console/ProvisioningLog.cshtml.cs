using Microsoft.AspNetCore.Mvc.RazorPages;
using Total.Api.SignIn;
using Total.Grains.Abstractions.Provisioning;

namespace Total.Api.Pages.Console;

/// <summary>Provisioning log: the tenant's recent SCIM calls, newest first, optionally only the failed ones.</summary>
public sealed class ProvisioningLogModel(IGrainFactory grains) : PageModel
{
    public const int PageSize = 50;

    public ProvisioningLogPage Log { get; private set; } = new(0, []);

    public ProvisioningStatus Status { get; private set; } = new(null, null, 0, 0);

    public bool FailedOnly { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int PageCount => Math.Max(1, (Log.Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(bool? failed, int? p)
    {
        var log = grains.GetGrain<IProvisioningLogGrain>(User.FindFirst(ConsoleClaims.TenantId)!.Value);
        FailedOnly = failed == true;
        PageNumber = Math.Max(1, p ?? 1);
        Log = await log.ReadAsync(FailedOnly, (PageNumber - 1) * PageSize, PageSize);
        Status = await log.StatusAsync();
    }
}
