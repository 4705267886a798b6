using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Total.Api.Tests.Infrastructure;

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

    /// <summary>
    /// The activations of <paramref name="grainType"/> once they are at most <paramref name="atMost"/>, or after 30 s
    /// when they never get there: a grain told to deactivate leaves shortly after its call answered, not at once.
    /// </summary>
    public static async Task<int> ActivationsSettlingAtAsync(TotalServer server, string grainType, int atMost)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            var activations = (await ReadAsync(server)).ActivationsOf(grainType);
            if (activations <= atMost || timeout.IsCancellationRequested)
            {
                return activations;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken);
        }
    }

    public int ActivationsOf(params string[] grainTypes) => grainTypes.Sum(type => Activations.GetValueOrDefault(type));
}
