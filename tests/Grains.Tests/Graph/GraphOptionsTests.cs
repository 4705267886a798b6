using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Total.Grains.Tests.Graph;

/// <summary>The Graph settings are checked when the host starts, not at the first reconciliation minutes later.</summary>
public sealed class GraphOptionsTests
{
    [Fact]
    public async Task A_graph_base_url_that_is_not_https_stops_the_host_at_start()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Graph:BaseUrl"] = "http://graph.example/v1.0" });
        builder.Services.AddEntraGroupReader(builder.Configuration);
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Graph:BaseUrl must be an absolute https URL", failure.Message, StringComparison.Ordinal);
    }
}
