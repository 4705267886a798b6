using System.Net;
using Total.Api.Tests.Infrastructure;

namespace Total.Api.Tests.SignIn;

/// <summary>What the console page tests start from: a fresh tenant with an admin signed in, and page fetches that must succeed.</summary>
public static class SignedInConsole
{
    public static async Task<(SignInTenant Tenant, ConsoleBrowser Browser)> AdminAsync(TotalServer server)
    {
        var tenant = await SignInTenant.OnboardAsync(server);
        var (_, browser) = await AdminOfAsync(server, tenant);
        return (tenant, browser);
    }

    /// <summary>A new admin of <paramref name="tenant"/>, signed in to the console.</summary>
    public static async Task<(SignInPerson Admin, ConsoleBrowser Browser)> AdminOfAsync(TotalServer server, SignInTenant tenant)
    {
        var admin = await tenant.ProvisionAdminAsync();
        var browser = new ConsoleBrowser(server.BaseAddress);
        Assert.Equal("/console", (await browser.SignInAsync(tenant.TenantId, admin.Oid, "Ada", admin.UserName)).AbsolutePath);
        return (admin, browser);
    }

    public static async Task<string> PageAsync(ConsoleBrowser browser, string path)
    {
        var response = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }
}
