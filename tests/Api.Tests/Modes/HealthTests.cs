using System.Net;
using System.Text.Json.Nodes;
using Total.Api.Tests.Infrastructure;

namespace Total.Api.Tests.Modes;

public sealed class HealthTests(EmbeddedServerFixture fixture) : IClassFixture<EmbeddedServerFixture>
{
    [Fact]
    public async Task Healthz_answers_200_once_grain_calls_work()
    {
        using var client = fixture.Server.CreateClient();

        var response = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal("Healthy", (string?)body["checks"]!["orleans"]!["status"]);
    }

    [Fact]
    public async Task Readyz_reports_embedded_mode_and_ready()
    {
        using var client = fixture.Server.CreateClient();

        var response = await client.GetAsync("/readyz", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal("Embedded", (string?)body["mode"]);
        Assert.Equal("Healthy", (string?)body["checks"]!["shutdown"]!["status"]);
    }

    [Fact]
    public async Task Livez_answers_while_the_process_runs_without_checking_anything()
    {
        using var client = fixture.Server.CreateClient();

        var response = await client.GetAsync("/livez", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Empty(body["checks"]!.AsObject());
    }
}
