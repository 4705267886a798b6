using Total.Hosting.Silos;

namespace Total.Api.Tests.Modes;

/// <summary>The <c>Orleans</c> settings, checked while the silo or client is composed: a known mode, ports, an IP address.</summary>
public sealed class OrleansHostingOptionsTests
{
    [Fact]
    public void One_port_for_silo_and_gateway_is_refused()
    {
        var result = new OrleansHostingOptionsRulesValidator().Validate(null, new OrleansHostingOptions { SiloPort = 11111, GatewayPort = 11111 });

        Assert.Contains("Orleans:SiloPort and Orleans:GatewayPort must differ, e.g. 11111 and 30000.", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_client_mode_is_accepted_in_any_case() =>
        Assert.True(new OrleansHostingOptionsRulesValidator().Validate(null, new OrleansHostingOptions { Mode = "client" }).Succeeded);
}
