using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Total.Grains.Tests.Graph;

/// <summary>The Graph settings are checked when the host starts, not at the first reconciliation minutes later.</summary>
public sealed class GraphOptionsTests
{
    [Theory]
    [InlineData("Graph:BaseUrl", "http://graph.example/v1.0", "Graph:BaseUrl must be an absolute https URL, e.g. https://graph.microsoft.com/v1.0.")]
    [InlineData("Graph:Scope", " ", "Graph:Scope must not be empty; use https://graph.microsoft.com/.default.")]
    [InlineData("Graph:MaxRetryAfter", "-00:00:01", "Graph:MaxRetryAfter must be 00:00:00 to 01:00:00, e.g. 00:00:10.")]
    [InlineData("Graph:RetryDelay", "00:03:01", "Graph:RetryDelay must be 0 to 180 seconds, e.g. 00:00:02.")]
    [InlineData("Graph:MembersPageSize", "1000", "Graph:MembersPageSize must be 1 to 999, e.g. 999.")]
    [InlineData("Graph:DeltaMaxPageSize", "-1", "Graph:DeltaMaxPageSize must not be negative (0: let Graph choose), e.g. 0.")]
    public async Task A_wrong_graph_setting_stops_the_host_at_start_and_names_the_setting(string key, string value, string message)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [key] = value });
        builder.Services.AddEntraGroupReader(builder.Configuration);
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_shipped_graph_defaults_start()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddEntraGroupReader(builder.Configuration);
        using var host = builder.Build();

        await host.StartAsync(TestContext.Current.CancellationToken);

        Assert.Equal(3, host.Services.GetRequiredService<IOptions<Total.Grains.Abstractions.Graph.GraphOptions>>().Value.MaxRetries);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }
}
