using Total.Grains.Reconciliation;

namespace Total.Api.Tests.Revocation;

/// <summary>The <c>Reconciliation</c> settings: a positive period and run timeout, an access log kept at least a day.</summary>
public sealed class ReconciliationOptionsTests
{
    [Fact]
    public void A_period_of_seconds_is_accepted_as_drills_use_it() =>
        Assert.True(new ReconciliationOptionsValidator().Validate(null, new ReconciliationOptions { Period = TimeSpan.FromSeconds(2) }).Succeeded);
}
