using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Total.Api.Tests.Infrastructure;

namespace Total.Api.Tests.Scim.Fuzz;

/// <summary>The server's <c>GET /operator/diagnostics?collect=true</c>: managed heap after a full collection, live grain activations.</summary>
public sealed record ServerDiagnostics(long GcHeapBytes, IReadOnlyDictionary<string, int> Activations)
{
    public static async Task<ServerDiagnostics> ReadAsync(TotalServer server)
    {
        using var operatorClient = server.CreateOperatorClient();
        var body = (await operatorClient.GetFromJsonAsync<JsonObject>("/operator/diagnostics?collect=true", TestContext.Current.CancellationToken))!;
        var activations = body["activations"]!.AsObject().ToDictionary(a => a.Key, a => (int)a.Value!);
        return new ServerDiagnostics((long)body["process"]!["gcHeapBytes"]!, activations);
    }

    public int ActivationsOf(params string[] grainTypes) => grainTypes.Sum(type => Activations.GetValueOrDefault(type));
}
