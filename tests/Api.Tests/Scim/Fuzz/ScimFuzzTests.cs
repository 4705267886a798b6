using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Total.Api.Tests.Infrastructure;
using Total.Api.Tests.Infrastructure.Requirements;

namespace Total.Api.Tests.Scim.Fuzz;

/// <summary>
/// Thousands of hostile SCIM requests (see <see cref="FuzzCorpus"/>, fixed seed) over real HTTP against a server with
/// a seeded victim tenant. No answer may be a 5xx, every error must be a SCIM error, the victim's users and groups
/// (members included) must read exactly as before, and the server must not keep what the requests brought: its
/// heap after a full collection stays within a loose bound and unknown ids and tenants leave no grain activations.
/// </summary>
public abstract class ScimFuzzTests
{
    private const int Parallelism = 4;

    /// <summary>
    /// Loose on purpose: the heap is the whole test process's, and other test classes run their servers in it at the
    /// same time. A leak of what the requests carry (megabytes each, thousands of them) is far above it.
    /// </summary>
    private const long MaxHeapGrowthBytes = 256L * 1024 * 1024;

    /// <summary>Activations that may linger beyond the resources that exist (calls still finishing when counted).</summary>
    private const int ActivationSlack = 20;

    protected abstract TotalServer Server { get; }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Thousands_of_hostile_requests_get_scim_errors_never_a_5xx_and_change_nothing()
    {
        var victim = await FuzzTenant.SeedAsync(Server, "victim");
        var playground = await FuzzTenant.SeedAsync(Server, "playground");
        var before = await DirectorySnapshot.TakeAsync(victim);
        var (requests, counts) = FuzzCorpus.Build(victim, playground);
        var heapBefore = (await ServerDiagnostics.ReadAsync(Server)).GcHeapBytes;

        var started = Stopwatch.GetTimestamp();
        var failures = await SendAllAsync(requests);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var after = await ServerDiagnostics.ReadAsync(Server);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{requests.Count} requests (seed {FuzzCorpus.Seed}) in {elapsed.TotalSeconds:F1} s: {string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"))}; " +
            $"heap {heapBefore / 1048576} → {after.GcHeapBytes / 1048576} MiB");

        Assert.True(failures.IsEmpty, $"{failures.Count} of {requests.Count} answers were wrong:\n{string.Join("\n", failures.Take(40))}");
        Assert.Equal(before, await DirectorySnapshot.TakeAsync(victim));
        Assert.True(after.GcHeapBytes - heapBefore < MaxHeapGrowthBytes, $"The heap grew from {heapBefore} to {after.GcHeapBytes} bytes.");
        await AssertNoLingeringActivationsAsync(victim, playground);
    }

    private static async Task<ConcurrentQueue<string>> SendAllAsync(IReadOnlyList<FuzzRequest> requests)
    {
        var failures = new ConcurrentQueue<string>();
        using var client = new FuzzClient();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = Cancel }, async (request, cancellationToken) =>
        {
            try
            {
                var (status, mediaType, body) = await client.SendAsync(request, cancellationToken);
                if (FuzzVerdict.Check(request, status, mediaType, body) is { } wrong)
                {
                    failures.Enqueue($"{wrong}: {request.Describe()} → {(body.Length <= 300 ? body : body[..300] + "…")}");
                }
            }
            catch (HttpRequestException exception)
            {
                failures.Enqueue($"transport failure ({exception.Message}): {request.Describe()}");
            }
        });
        return failures;
    }

    /// <summary>User and group activations only for resources that exist; tenant activations only for real tenants.</summary>
    private async Task AssertNoLingeringActivationsAsync(FuzzTenant victim, FuzzTenant playground)
    {
        var resources = 0;
        foreach (var tenant in new[] { victim, playground })
        {
            using var scim = new HttpClient { BaseAddress = tenant.BaseUrl };
            scim.DefaultRequestHeaders.Authorization = new("Bearer", tenant.Token);
            foreach (var endpoint in FuzzCorpus.Endpoints)
            {
                resources += (int)(await scim.GetFromJsonAsync<JsonObject>($"{endpoint}?count=0", Cancel))!["totalResults"]!;
            }
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        ServerDiagnostics diagnostics;
        while (true)
        {
            diagnostics = await ServerDiagnostics.ReadAsync(Server);
            if (diagnostics.ActivationsOf("ScimUserGrain", "ScimGroupGrain") <= resources + ActivationSlack || timeout.IsCancellationRequested)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), Cancel);
        }

        Assert.True(diagnostics.ActivationsOf("ScimUserGrain", "ScimGroupGrain") <= resources + ActivationSlack, $"{diagnostics.ActivationsOf("ScimUserGrain", "ScimGroupGrain")} user and group activations for {resources} resources.");
        Assert.True(diagnostics.ActivationsOf("TenantGrain") <= 2 + ActivationSlack, $"{diagnostics.ActivationsOf("TenantGrain")} tenant activations for 2 tenants.");
    }
}

[Collection(ProcessHeapCollection.Name)]
public sealed class EmbeddedScimFuzzTests(EmbeddedScimServer fixture) : ScimFuzzTests, IClassFixture<EmbeddedScimServer>
{
    protected override TotalServer Server => fixture.Server;
}

[Needs(Requirement.PostgreSQL)]
[Collection(ProcessHeapCollection.Name)]
public sealed class SingleNodeScimFuzzTests(SingleNodeScimServer fixture) : ScimFuzzTests, IClassFixture<SingleNodeScimServer>
{
    protected override TotalServer Server => fixture.Server;
}
