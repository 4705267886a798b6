using System.Diagnostics;
using System.Text.Json;

namespace Total.ScimLoad;

/// <summary>Outcome of the big-group probe.</summary>
internal sealed record BigGroupResult(int Requested, int Members, double SetupUsersSeconds, double SetupMembersSeconds, int? MembersReported, Dictionary<string, (long P50, long P99, long Count)> Latency);

/// <summary>
/// "A group PATCH touching one member costs the same for a 5-member and a 50,000-member group": builds a group
/// of N members (PATCH Add, batches of 100), then times one-member Add and legacy Remove on it and on a
/// 5-member group, sequentially and interleaved so drift hits both alike.
/// </summary>
internal static class BigGroup
{
    public static async Task<BigGroupResult> RunAsync(TenantJob job, LoadClient client, Options options)
    {
        const string setup = "biggroup-setup";
        var n = options.BigGroup;
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (options.InitialTimeoutSeconds * Stopwatch.Frequency);
        await job.CreateUsersAsync(setup, n + 6, options.Concurrency, deadline);
        var usersSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var users = job.UsersSnapshot();
        Console.WriteLine($"big group: {users.Count} users created in {usersSeconds:F1}s");
        var rng = new Random(options.Seed);
        var big = new GroupRec("Bench-Big-Group", Entra.NewGuid(rng).ToString());
        var small = new GroupRec("Bench-Small-Group", Entra.NewGuid(rng).ToString());
        if (users.Count < n + 6 || !await job.ProvisionGroupAsync(setup, big, deadline) || !await job.ProvisionGroupAsync(setup, small, deadline))
        {
            Console.WriteLine("big group: setup incomplete (see errors); skipping the measurement");
            return new BigGroupResult(n, 0, usersSeconds, 0, null, []);
        }

        var membersStarted = Stopwatch.GetTimestamp();
        for (var i = 0; i < n; i += 100)
        {
            await job.PatchMembersAsync(setup, "groups.patch.add.100", big, "Add", users.GetRange(i, Math.Min(100, n - i)), deadline);
        }

        var membersSeconds = Stopwatch.GetElapsedTime(membersStarted).TotalSeconds;
        await job.PatchMembersAsync(setup, "groups.patch.add.5", small, "Add", users.GetRange(n, 5), deadline);
        Console.WriteLine($"big group: {big.Members.Count} members added in {membersSeconds:F1}s; measuring {options.BigGroupIterations} add/remove pairs per group");

        var spare = new[] { users[n + 5] };
        var none = long.MaxValue;
        for (var i = 0; i < 20; i++)
        {
            await Pair(job, "biggroup-warmup", "big", big, spare, none);
            await Pair(job, "biggroup-warmup", "small", small, spare, none);
        }

        for (var i = 0; i < options.BigGroupIterations; i++)
        {
            if (i % 2 == 0)
            {
                await Pair(job, "biggroup", "big", big, spare, none);
                await Pair(job, "biggroup", "small", small, spare, none);
            }
            else
            {
                await Pair(job, "biggroup", "small", small, spare, none);
                await Pair(job, "biggroup", "big", big, spare, none);
            }
        }

        // The one-member PATCHes must really change the group: check with Entra's membership query.
        await job.PatchMembersAsync(setup, "groups.patch.add1", big, "Add", spare, none);
        await CheckMembershipAsync(job, client, big, spare[0], expected: 1);
        await job.PatchMembersAsync(setup, "groups.patch.remove1", big, "Remove", spare, none);
        await CheckMembershipAsync(job, client, big, spare[0], expected: 0);
        var reported = await CountMembersAsync(job, client, big);
        var latency = client.Recorder.All.Where(s => s.Phase == "biggroup")
            .ToDictionary(s => s.Kind, s => (s.Latency.Percentile(50), s.Latency.Percentile(99), s.Latency.Count), StringComparer.Ordinal);
        return new BigGroupResult(n, big.Members.Count, usersSeconds, membersSeconds, reported, latency);
    }

    private static async Task Pair(TenantJob job, string phase, string name, GroupRec group, UserRec[] member, long deadline)
    {
        await job.PatchMembersAsync(phase, name + ".add1", group, "Add", member, deadline);
        await job.PatchMembersAsync(phase, name + ".remove1", group, "Remove", member, deadline);
    }

    private static async Task CheckMembershipAsync(TenantJob job, LoadClient client, GroupRec group, UserRec member, int expected)
    {
        var filter = Uri.EscapeDataString($"id eq \"{group.Id}\" and members[value eq \"{member.Id}\"]");
        var reply = await client.SendAsync("biggroup-setup", "groups.membership.query", HttpMethod.Get,
            new Uri($"{job.Tenant.ScimBase}/Groups?excludedAttributes=members&filter={filter}"), job.Tenant.Auth, null, true, long.MaxValue, null, s => s == 200);
        if (reply is { Status: 200, Body: { } body })
        {
            using var doc = JsonDocument.Parse(body);
            var total = doc.RootElement.GetProperty("totalResults").GetInt32();
            if (total != expected)
            {
                client.Recorder.CheckFailed("biggroup-setup", "groups.membership.query", $"member {member.Id}: expected {expected} hit(s), got {total}");
            }
        }
    }

    /// <summary>Reads the big group once with its members to check the server holds all N.</summary>
    private static async Task<int?> CountMembersAsync(TenantJob job, LoadClient client, GroupRec group)
    {
        var reply = await client.SendAsync("biggroup-setup", "groups.get.members", HttpMethod.Get, new Uri(job.Tenant.ScimBase + "/Groups/" + group.Id),
            job.Tenant.Auth, null, true, long.MaxValue, null, s => s == 200);
        if (reply is not { Status: 200, Body: { } body })
        {
            return null;
        }

        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.TryGetProperty("members", out var members) ? members.GetArrayLength() : 0;
    }
}
