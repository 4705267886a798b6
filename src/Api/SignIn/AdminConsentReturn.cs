using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Total.Grains.Abstractions.Tenants;

namespace Total.Api.SignIn;

/// <summary>
/// Entra's answer to the admin-consent link (<see cref="VendorApp.AdminConsentUrl"/>) arrives at TOTAL's one
/// registered redirect URI, the shared app's sign-in callback, as <c>?admin_consent=True&amp;tenant=…&amp;state=…</c>.
/// That is no sign-in response (it would fail as one), so the admin is sent on to the tenant's sign-in page, named
/// by the plain <c>state</c> the link carried. It grants nothing: consent lives in Entra, and the page is public.
/// </summary>
public static class AdminConsentReturn
{
    public static Task OnMessageReceivedAsync(MessageReceivedContext context)
    {
        if (context.ProtocolMessage.GetParameter("admin_consent") is null)
        {
            return Task.CompletedTask;
        }

        var tenantId = context.ProtocolMessage.State;
        context.Response.Redirect(TenantIds.IsWellFormed(tenantId)
            ? $"/t/{tenantId}"
            : "/signin");
        context.HandleResponse();
        return Task.CompletedTask;
    }
}
