using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Total.ScimLoad;

/// <summary>An onboarded tenant: its SCIM base URL (Tenant URL) and token (Secret Token).</summary>
internal sealed record TenantInfo(int Index, string Name, string TenantId, string ScimBase, AuthenticationHeaderValue Auth);

/// <summary>
/// One Entra provisioning job (Microsoft Learn, "How application provisioning works": initial and incremental cycles): an initial cycle (lookup → create users; lookup → create
/// groups; then members added in batches), then incremental cycles (changed users read and patched, new
/// hires created, memberships added/removed in batches). It never sends a request that should conflict,
/// unless <c>--conflict-rate</c> asks for it.
/// </summary>
internal sealed class TenantJob(TenantInfo tenant, LoadClient client, SemaphoreSlim? gate, int seed, double maxRate = 0)
{
    private static readonly Func<int, bool> Created = s => s == 201;
    private static readonly Func<int, bool> Ok = s => s == 200;
    private static readonly Func<int, bool> Patched = s => s is 200 or 204;
    private static readonly Func<int, bool> Conflict = s => s == 409;

    private readonly Lock _sync = new();
    private readonly List<UserRec> _users = [];
    private readonly List<GroupRec> _groups = [];
    private int _nextSerial;
    private long _nextSlot;

    public TenantInfo Tenant => tenant;

    public LoadClient Client => client;

    public int UserCount
    {
        get
        {
            lock (_sync)
            {
                return _users.Count;
            }
        }
    }

    public List<UserRec> UsersSnapshot()
    {
        lock (_sync)
        {
            return [.. _users];
        }
    }

    /// <summary>Entra's initial cycle for this tenant, <paramref name="workers"/> requests at a time.</summary>
    public async Task InitialAsync(string phase, int users, int groups, int workers, long deadline)
    {
        var cursor = 0;
        await RunWorkersAsync(workers, 1, async rng =>
        {
            while (Interlocked.Increment(ref cursor) <= users && !Past(deadline))
            {
                await ProvisionUserAsync(phase, rng, deadline, lookupFirst: true, patchChance: 0.1);
            }
        });

        var planRng = new Random(Mix(2, 0));
        var groupList = Enumerable.Range(0, groups)
            .Select(i => new GroupRec(string.Create(CultureInfo.InvariantCulture, $"T{tenant.Index}-Group-{i:D4}"), Entra.NewGuid(planRng).ToString()))
            .ToList();
        cursor = -1;
        await RunWorkersAsync(workers, 3, async rng =>
        {
            int i;
            while ((i = Interlocked.Increment(ref cursor)) < groupList.Count && !Past(deadline))
            {
                await ProvisionGroupAsync(phase, groupList[i], deadline);
            }
        });

        // Reference attributes last: members added in batches of 5-50 (A.4.11).
        var work = new System.Collections.Concurrent.ConcurrentQueue<(GroupRec Group, UserRec[] Batch)>();
        var created = UsersSnapshot();
        List<GroupRec> createdGroups;
        lock (_sync)
        {
            createdGroups = [.. _groups];
        }

        foreach (var group in createdGroups)
        {
            var size = Math.Min(created.Count, planRng.Next(5, Math.Max(6, (2 * created.Count / Math.Max(1, groups)) + 5)));
            var members = Shuffle(created, size, planRng);
            for (var taken = 0; taken < members.Length;)
            {
                var batch = members.Skip(taken).Take(planRng.Next(5, 51)).ToArray();
                taken += batch.Length;
                work.Enqueue((group, batch));
            }
        }

        await RunWorkersAsync(workers, 4, async rng =>
        {
            while (!Past(deadline) && work.TryDequeue(out var item))
            {
                await PatchMembersAsync(phase, "groups.patch.add", item.Group, "Add", item.Batch, deadline);
            }
        });
    }

    /// <summary>Incremental cycles until <paramref name="deadline"/>.</summary>
    public Task SteadyAsync(string phase, int workers, double conflictRate, long deadline) =>
        RunWorkersAsync(workers, 9, async rng =>
        {
            while (!Past(deadline))
            {
                await SteadyOperationAsync(phase, rng, conflictRate, deadline);
            }
        });

    /// <summary>One object processed by an incremental cycle (1-3 requests).</summary>
    public async Task SteadyOperationAsync(string phase, Random rng, double conflictRate, long deadline)
    {
        var user = RandomUser(rng);
        if (conflictRate > 0 && user is not null && rng.NextDouble() < conflictRate)
        {
            // Deliberate: the same userName in another case must be a 409 uniqueness.
            await SendAsync(phase, "users.create.conflict", HttpMethod.Post, "/Users", Entra.CreateUser(user, user.UserName.ToUpperInvariant()), false, deadline, Conflict);
            return;
        }

        var x = rng.NextDouble();
        if (user is null || x < 0.15)
        {
            await ProvisionUserAsync(phase, rng, deadline, lookupFirst: true, patchChance: 0);
        }
        else if (x < 0.45)
        {
            if (rng.NextDouble() < 0.5 && !await LookupUserAsync(phase, user, deadline))
            {
                return;
            }

            if (await SendAsync(phase, "users.get", HttpMethod.Get, "/Users/" + user.Id, null, false, deadline, Ok) is { Success: true })
            {
                await PatchUserAsync(phase, user, rng, deadline);
            }
        }
        else if (x < 0.60)
        {
            await LookupUserAsync(phase, user, deadline);
        }
        else if (x < 0.75)
        {
            await SendAsync(phase, "users.get", HttpMethod.Get, "/Users/" + user.Id, null, false, deadline, Ok);
        }
        else if (x < 0.95)
        {
            if (!await ChangeMembershipAsync(phase, rng, 5, 51, deadline))
            {
                await SendAsync(phase, "users.get", HttpMethod.Get, "/Users/" + user.Id, null, false, deadline, Ok);
            }
        }
        else
        {
            var group = RandomGroup(rng);
            if (group is null)
            {
                await LookupUserAsync(phase, user, deadline);
                return;
            }

            if (await LookupGroupAsync(phase, group, deadline))
            {
                await SendAsync(phase, "groups.get", HttpMethod.Get, $"/Groups/{group.Id}?excludedAttributes=members", null, false, deadline, Ok);
            }
        }
    }

    /// <summary>The fairness probe's unit: exactly one request.</summary>
    public async Task ProbeRequestAsync(string phase, Random rng, long deadline)
    {
        var user = RandomUser(rng);
        var x = rng.NextDouble();
        if (user is null || x < 0.10)
        {
            var serial = Interlocked.Increment(ref _nextSerial);
            var fresh = Entra.NewUser(rng, tenant.Index, serial);
            if (await SendAsync(phase, "users.create", HttpMethod.Post, "/Users", Entra.CreateUser(fresh), true, deadline, Created) is { Status: 201 } reply
                && ReadId(phase, "users.create", reply.Body) is { } id)
            {
                fresh.Id = id;
                lock (_sync)
                {
                    _users.Add(fresh);
                }
            }
        }
        else if (x < 0.40)
        {
            await LookupUserAsync(phase, user, deadline);
        }
        else if (x < 0.65)
        {
            await SendAsync(phase, "users.get", HttpMethod.Get, "/Users/" + user.Id, null, false, deadline, Ok);
        }
        else if (x < 0.90 || !await ChangeMembershipAsync(phase, rng, 1, 6, deadline))
        {
            await SendAsync(phase, "users.patch", HttpMethod.Patch, "/Users/" + user.Id, Entra.Patch(Entra.Op("Replace", "title", Entra.Str(Entra.RandomTitle(rng)))), false, deadline, Patched);
        }
    }

    /// <summary>Creates users with POST only (no lookup), e.g. the big group's members.</summary>
    public Task CreateUsersAsync(string phase, int count, int workers, long deadline)
    {
        var cursor = 0;
        return RunWorkersAsync(workers, 5, async rng =>
        {
            while (Interlocked.Increment(ref cursor) <= count && !Past(deadline))
            {
                await ProvisionUserAsync(phase, rng, deadline, lookupFirst: false, patchChance: 0);
            }
        });
    }

    public async Task<bool> ProvisionUserAsync(string phase, Random rng, long deadline, bool lookupFirst, double patchChance)
    {
        var user = Entra.NewUser(rng, tenant.Index, Interlocked.Increment(ref _nextSerial));
        if (lookupFirst)
        {
            if (await SendAsync(phase, "users.lookup", HttpMethod.Get, Entra.UserLookup(user.UserName), null, true, deadline, Ok) is not { Success: true } found)
            {
                return false;
            }

            if (CountOf(phase, "users.lookup", found.Body, null) is not 0)
            {
                return false;
            }
        }

        if (await SendAsync(phase, "users.create", HttpMethod.Post, "/Users", Entra.CreateUser(user), true, deadline, Created) is not { Status: 201 } created
            || ReadId(phase, "users.create", created.Body) is not { } id)
        {
            return false;
        }

        user.Id = id;
        lock (_sync)
        {
            _users.Add(user);
        }

        if (patchChance > 0 && rng.NextDouble() < patchChance)
        {
            await PatchUserAsync(phase, user, rng, deadline);
        }

        return true;
    }

    public async Task<bool> ProvisionGroupAsync(string phase, GroupRec group, long deadline)
    {
        if (await LookupGroupAsync(phase, group, deadline, expectFound: false)
            && await SendAsync(phase, "groups.create", HttpMethod.Post, "/Groups", Entra.CreateGroup(group), true, deadline, Created) is { Status: 201 } created
            && ReadId(phase, "groups.create", created.Body) is { } id)
        {
            group.Id = id;
            lock (_sync)
            {
                _groups.Add(group);
            }

            return true;
        }

        return false;
    }

    public async Task<bool> PatchMembersAsync(string phase, string kind, GroupRec group, string op, IReadOnlyCollection<UserRec> batch, long deadline)
    {
        var reply = await SendAsync(phase, kind, HttpMethod.Patch, "/Groups/" + group.Id, Entra.Members(op, batch.Select(u => u.Id!)), false, deadline, Patched);
        if (reply is not { Success: true })
        {
            return false;
        }

        lock (group.Members)
        {
            foreach (var user in batch)
            {
                if (op == "Add")
                {
                    group.Members.Add(user);
                }
                else
                {
                    group.Members.Remove(user);
                }
            }
        }

        return true;
    }

    private async Task<bool> ChangeMembershipAsync(string phase, Random rng, int min, int maxExclusive, long deadline)
    {
        var group = RandomGroup(rng);
        if (group is null || !group.TryBeginChange())
        {
            return false;
        }

        try
        {
            var size = rng.Next(min, maxExclusive);
            UserRec[] current;
            lock (group.Members)
            {
                current = [.. group.Members];
            }

            if (current.Length >= size && rng.NextDouble() < 0.45)
            {
                return await PatchMembersAsync(phase, "groups.patch.remove", group, "Remove", Shuffle(current, size, rng), deadline);
            }

            var candidates = new HashSet<UserRec>();
            for (var tries = 0; tries < size * 3 && candidates.Count < size; tries++)
            {
                if (RandomUser(rng) is { } u && !current.Contains(u))
                {
                    candidates.Add(u);
                }
            }

            return candidates.Count > 0 && await PatchMembersAsync(phase, "groups.patch.add", group, "Add", candidates, deadline);
        }
        finally
        {
            group.EndChange();
        }
    }

    private async Task<bool> LookupUserAsync(string phase, UserRec user, long deadline) =>
        await SendAsync(phase, "users.lookup", HttpMethod.Get, Entra.UserLookup(user.UserName), null, true, deadline, Ok) is { Success: true } reply
        && CountOf(phase, "users.lookup", reply.Body, user.Id) == 1;

    private async Task<bool> LookupGroupAsync(string phase, GroupRec group, long deadline, bool expectFound = true)
    {
        if (await SendAsync(phase, "groups.lookup", HttpMethod.Get, Entra.GroupLookup(group.DisplayName), null, true, deadline, Ok) is not { Success: true } reply)
        {
            return false;
        }

        if (reply.Body is { } body && body.Contains("\"members\"", StringComparison.Ordinal))
        {
            client.Recorder.CheckFailed(phase, "groups.lookup", "excludedAttributes=members returned members: " + body[..Math.Min(300, body.Length)]);
        }

        return CountOf(phase, "groups.lookup", reply.Body, expectFound ? group.Id : null) == (expectFound ? 1 : 0);
    }

    private Task<Reply?> PatchUserAsync(string phase, UserRec user, Random rng, long deadline)
    {
        var x = rng.NextDouble();
        string body;
        if (x < 0.40)
        {
            body = Entra.Patch(Entra.Op("Replace", "title", Entra.Str(Entra.RandomTitle(rng))));
        }
        else if (x < 0.65)
        {
            // A.4.6: disable / re-enable with string booleans.
            var active = !user.Active;
            user.Active = active;
            body = Entra.Patch(Entra.Op("Replace", "active", Entra.Str(active ? "True" : "False")));
        }
        else if (x < 0.90)
        {
            body = Entra.Patch(
                Entra.Op("Replace", "emails[type eq \"work\"].value", Entra.Str("alt." + user.UserName)),
                Entra.Op("Replace", "name.familyName", Entra.Str(Entra.RandomFamily(rng))));
        }
        else
        {
            body = Entra.Patch(Entra.Op("Replace", Entra.Enterprise + ":department", Entra.Str(Entra.RandomDepartment(rng))));
        }

        return SendAsync(phase, "users.patch", HttpMethod.Patch, "/Users/" + user.Id, body, false, deadline, Patched);
    }

    private UserRec? RandomUser(Random rng)
    {
        lock (_sync)
        {
            return _users.Count == 0 ? null : _users[rng.Next(_users.Count)];
        }
    }

    private GroupRec? RandomGroup(Random rng)
    {
        lock (_sync)
        {
            return _groups.Count == 0 ? null : _groups[rng.Next(_groups.Count)];
        }
    }

    private async Task<Reply?> SendAsync(string phase, string kind, HttpMethod method, string relative, string? body, bool wantBody, long deadline, Func<int, bool> expected)
    {
        if (maxRate > 0)
        {
            await PaceAsync();
        }

        return await client.SendAsync(phase, kind, method, new Uri(tenant.ScimBase + relative), tenant.Auth, body, wantBody, deadline, gate, expected);
    }

    /// <summary>--tenant-rate: one request slot every 1/rate s per tenant (a paced job, like Entra's gallery-app pacing).</summary>
    private async Task PaceAsync()
    {
        var interval = (long)(Stopwatch.Frequency / maxRate);
        long slot;
        lock (_sync)
        {
            var now = Stopwatch.GetTimestamp();
            _nextSlot = Math.Max(_nextSlot, now);
            slot = _nextSlot;
            _nextSlot += interval;
        }

        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), slot);
        if (wait > TimeSpan.FromMilliseconds(1))
        {
            await Task.Delay(wait);
        }
    }

    /// <summary>totalResults of a ListResponse (and, when <paramref name="expectedId"/> is set, that it is the one hit); a surprise is a check failure.</summary>
    private int? CountOf(string phase, string kind, string? body, string? expectedId)
    {
        try
        {
            using var doc = JsonDocument.Parse(body ?? "");
            var total = doc.RootElement.GetProperty("totalResults").GetInt32();
            var expectedTotal = expectedId is null ? 0 : 1;
            var idMatches = expectedId is null
                || (doc.RootElement.TryGetProperty("Resources", out var resources) && resources.GetArrayLength() == 1
                    && resources[0].GetProperty("id").GetString() == expectedId);
            if (total != expectedTotal || !idMatches)
            {
                client.Recorder.CheckFailed(phase, kind, $"expected {expectedTotal} hit(s){(expectedId is null ? "" : " with id " + expectedId)}, got: {body?[..Math.Min(300, body.Length)]}");
            }

            return total;
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            client.Recorder.CheckFailed(phase, kind, "not a ListResponse: " + body?[..Math.Min(300, body.Length)]);
            return null;
        }
    }

    private string? ReadId(string phase, string kind, string? body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body ?? "");
            if (doc.RootElement.TryGetProperty("id", out var id) && id.GetString() is { Length: > 0 } value)
            {
                return value;
            }
        }
        catch (JsonException)
        {
        }

        client.Recorder.CheckFailed(phase, kind, "created resource without an id: " + body?[..Math.Min(300, body.Length)]);
        return null;
    }

    private static T[] Shuffle<T>(IReadOnlyList<T> items, int take, Random rng)
    {
        var copy = items.ToArray();
        take = Math.Min(take, copy.Length);
        for (var i = 0; i < take; i++)
        {
            var j = rng.Next(i, copy.Length);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }

        return copy[..take];
    }

    private static bool Past(long deadline) => Stopwatch.GetTimestamp() >= deadline;

    private int Mix(int stage, int worker) => unchecked((seed * 1_000_003) + (tenant.Index * 7919) + (stage * 104_729) + worker);

    private async Task RunWorkersAsync(int workers, int stage, Func<Random, Task> body)
    {
        var tasks = new Task[workers];
        for (var w = 0; w < workers; w++)
        {
            var rng = new Random(Mix(stage, w));
            tasks[w] = Task.Run(() => body(rng));
        }

        await Task.WhenAll(tasks);
    }
}
