using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Total.Api.Tests.Drills;

/// <summary>
/// Provisioning load for drills: workers create users with unique names, one request at a time each, and remember
/// exactly which writes were acknowledged (201) and which were not. Afterwards every acknowledged user must exist,
/// and a retry of the others (Entra retries failed calls) must not create duplicates.
/// </summary>
public sealed class ScimWriteLoad(HttpClient scim, string prefix)
{
    private readonly ConcurrentDictionary<string, string> _acknowledged = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _notAcknowledged = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, int> _statuses = new();
    private readonly ConcurrentQueue<(DateTimeOffset At, bool Acknowledged)> _timeline = new();
    private int _sequence;

    /// <summary>userName → SCIM id of every acknowledged create.</summary>
    public IReadOnlyDictionary<string, string> Acknowledged => _acknowledged;

    /// <summary>userNames whose create failed (status or exception).</summary>
    public IReadOnlyCollection<string> NotAcknowledged => _notAcknowledged.Keys.ToList();

    /// <summary>HTTP status → count; 0 counts exceptions (timeouts, refused connections).</summary>
    public IReadOnlyDictionary<int, int> Statuses => _statuses;

    /// <summary>Acknowledged writes after <paramref name="moment"/>.</summary>
    public int AcknowledgedAfter(DateTimeOffset moment) => _timeline.Count(t => t.Acknowledged && t.At > moment);

    public Task RunAsync(int workers, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(_ => WorkerAsync(stop)));

    /// <summary>
    /// What Entra does with a failed create on its next cycle: look the user up, create it if missing, and retry a
    /// 503 or a 429 (the tenant's budget, spent by the load just before) after its Retry-After (bounded), as Entra
    /// retries them. A 409 is the create of a killed silo that did reach the database: the next look-up finds it.
    /// </summary>
    public async Task RetryFailedAsync(CancellationToken cancellationToken)
    {
        foreach (var userName in NotAcknowledged)
        {
            for (var attempt = 1; ; attempt++)
            {
                using var found = await scim.GetAsync($"Users?filter=userName%20eq%20%22{Uri.EscapeDataString(userName)}%22", cancellationToken);
                HttpResponseMessage? created = null;
                if (found.IsSuccessStatusCode && (int)(await found.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!["totalResults"]! > 0)
                {
                    break;
                }

                if (found.IsSuccessStatusCode)
                {
                    created = await scim.PostAsync("Users", Body(userName), cancellationToken);
                    if (created.StatusCode == HttpStatusCode.Created)
                    {
                        break;
                    }
                }

                var refused = created ?? found;
                var status = refused.StatusCode;
                Assert.True(status is HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests or HttpStatusCode.Conflict && attempt < 30, $"retrying {userName}: {(int)status}");
                var retryAfter = refused.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
                await Task.Delay(retryAfter < TimeSpan.FromSeconds(5) ? retryAfter : TimeSpan.FromSeconds(5), cancellationToken);
            }
        }
    }

    private async Task WorkerAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var userName = $"{prefix}-{Interlocked.Increment(ref _sequence)}@drill.example";
            int status;
            try
            {
                using var response = await scim.PostAsync("Users", Body(userName), CancellationToken.None);
                status = (int)response.StatusCode;
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    var body = (await response.Content.ReadFromJsonAsync<JsonObject>(CancellationToken.None))!;
                    _acknowledged[userName] = (string)body["id"]!;
                }
                else
                {
                    _notAcknowledged[userName] = status;
                    await Task.Delay(100, CancellationToken.None);
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                status = 0;
                _notAcknowledged[userName] = 0;
                await Task.Delay(100, CancellationToken.None);
            }

            _statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            _timeline.Enqueue((DateTimeOffset.UtcNow, status == 201));
        }
    }

    private static StringContent Body(string userName) =>
        new($$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{userName}}","externalId":"{{Guid.NewGuid()}}","active":true}""", Encoding.UTF8, "application/scim+json");
}
