namespace Total.DevStandIns.Graph;

/// <summary>What one tenant's Graph was asked, so tests can assert that paging and retries really happened.</summary>
public sealed class GraphRequestCounters
{
    private int _requests;
    private int _deltaRequests;
    private int _memberRequests;
    private int _groupListRequests;
    private int _throttled;
    private int _failed;
    private int _denied;
    private int _tokensIssued;

    /// <summary>Every request with a valid token for this tenant, faults included.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary><c>GET /groups/delta</c> requests that were answered (not faulted).</summary>
    public int DeltaRequests => Volatile.Read(ref _deltaRequests);

    /// <summary><c>GET /groups/{id}/members</c> requests that were answered.</summary>
    public int MemberRequests => Volatile.Read(ref _memberRequests);

    /// <summary><c>GET /groups</c> requests that were answered.</summary>
    public int GroupListRequests => Volatile.Read(ref _groupListRequests);

    /// <summary>429 answers.</summary>
    public int Throttled => Volatile.Read(ref _throttled);

    /// <summary>503 answers.</summary>
    public int Failed => Volatile.Read(ref _failed);

    /// <summary>403 answers (no GroupMember.Read.All, or consent revoked).</summary>
    public int Denied => Volatile.Read(ref _denied);

    /// <summary>App-only Graph tokens the stand-in's token endpoint issued for this tenant (client credentials).</summary>
    public int TokensIssued => Volatile.Read(ref _tokensIssued);

    internal void CountRequest() => Interlocked.Increment(ref _requests);

    internal void CountDelta() => Interlocked.Increment(ref _deltaRequests);

    internal void CountMembers() => Interlocked.Increment(ref _memberRequests);

    internal void CountGroupList() => Interlocked.Increment(ref _groupListRequests);

    internal void CountThrottled() => Interlocked.Increment(ref _throttled);

    internal void CountFailed() => Interlocked.Increment(ref _failed);

    internal void CountDenied() => Interlocked.Increment(ref _denied);

    internal void CountToken() => Interlocked.Increment(ref _tokensIssued);

    /// <summary>The counters as the control API returns them.</summary>
    internal Dictionary<string, int> ToDictionary() => new()
    {
        ["requests"] = Requests,
        ["deltaRequests"] = DeltaRequests,
        ["memberRequests"] = MemberRequests,
        ["groupListRequests"] = GroupListRequests,
        ["throttled"] = Throttled,
        ["failed"] = Failed,
        ["denied"] = Denied,
        ["tokensIssued"] = TokensIssued,
    };
}
