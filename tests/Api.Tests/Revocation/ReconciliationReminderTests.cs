using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Total.Api.Tests.Infrastructure;
using Total.Api.Tests.SignIn;

namespace Total.Api.Tests.Revocation;

/// <summary>
/// Nobody presses "run now": the per-tenant reminder alone revokes an admin who left the admin group in Entra only,
/// within one reconciliation period (2 seconds here, 5 minutes by default) plus the run itself.
/// </summary>
public sealed class ReconciliationReminderTests(ReconciliationReminderTests.ShortPeriodServer fixture) : IClassFixture<ReconciliationReminderTests.ShortPeriodServer>
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task The_reminder_revokes_an_admin_removed_only_in_entra_and_the_session_ends()
    {
        var tenant = await SignInTenant.OnboardAsync(fixture.Server);
        var admin = await tenant.ProvisionAdminAsync();
        var graph = tenant.Graph;
        using var browser = new ConsoleBrowser(fixture.Server.BaseAddress);
        Assert.Equal("/console", (await browser.SignInAsync(tenant.TenantId, admin.Oid, "Ada", admin.UserName)).AbsolutePath);

        graph.ChangeMembers(SignInTenant.AdminGroupObjectId, add: [], remove: [admin.Oid]);

        // Bounded wait: a period, the run, and generous slack for a loaded CI machine; never a timing assertion.
        var deadline = DateTimeOffset.UtcNow + (Period * 3) + TimeSpan.FromSeconds(30);
        HttpResponseMessage response;
        do
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), TestContext.Current.CancellationToken);
            response = await browser.GetAsync("/console");
        }
        while (response.StatusCode == HttpStatusCode.OK && DateTimeOffset.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("reason=SessionEnded", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        using var operatorClient = fixture.Server.CreateOperatorClient();
        var log = await operatorClient.GetFromJsonAsync<JsonObject>($"/operator/tenants/{tenant.TenantId}/access-log?kind=revoked", TestContext.Current.CancellationToken);
        Assert.Equal("graph", (string)log!["events"]![0]!["source"]!);
    }

    /// <summary>A Development server whose tenants reconcile every two seconds.</summary>
    public sealed class ShortPeriodServer : IAsyncLifetime
    {
        private TotalServer? _server;

        public TotalServer Server => _server ?? throw new InvalidOperationException("not started");

        public async ValueTask InitializeAsync()
        {
            var settings = StandInServerFixture.Settings("Development");
            settings["Reconciliation:Period"] = Period.ToString();
            _server = await TotalServer.StartApiAsync(settings);
        }

        public async ValueTask DisposeAsync()
        {
            if (_server is not null)
            {
                await _server.DisposeAsync();
            }
        }
    }
}
