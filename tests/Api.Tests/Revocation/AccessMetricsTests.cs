using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Total.Api.Tests.SignIn;
using Total.Grains.Access;

namespace Total.Api.Tests.Revocation;

/// <summary>Grants and revocations are exposed as metrics (meter <c>Total.Access</c>) with their source and tenant.</summary>
public sealed class AccessMetricsTests(StandInServerFixture fixture) : IClassFixture<StandInServerFixture>
{
    [Fact]
    public async Task Grants_and_revocations_are_counted_by_source_and_tenant()
    {
        var measurements = new ConcurrentBag<(string Instrument, long Value, string? Tenant, string? Source)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == AccessMetrics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? tenant = null, source = null;
            foreach (var tag in tags)
            {
                tenant = tag.Key == "tenant" ? tag.Value as string : tenant;
                source = tag.Key == "source" ? tag.Value as string : source;
            }

            measurements.Add((instrument.Name, value, tenant, source));
        });
        listener.Start();
        var tenant = await SignInTenant.OnboardAsync(fixture.Server);
        var admin = await tenant.ProvisionAdminAsync();

        await tenant.ScimAsync(HttpMethod.Delete, $"Users/{admin.UserId}", "");

        var ours = measurements.Where(m => m.Tenant == tenant.TenantId).ToList();
        Assert.Contains(("total.access.grants", 1L, tenant.TenantId, "scim"), ours);
        Assert.Contains(("total.access.revocations", 1L, tenant.TenantId, "scim"), ours);
    }
}
