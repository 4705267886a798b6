namespace Total.DevStandIns.Graph;

/// <summary><c>PUT /graph-standin/{tid}/groups/{groupId}</c>: the group's name and all its members' object ids.</summary>
internal sealed record GroupPutRequest(string? DisplayName, IReadOnlyList<string>? Members);

/// <summary><c>PATCH /graph-standin/{tid}/groups/{groupId}/members</c>: members to add and to remove.</summary>
internal sealed record MembersPatchRequest(IReadOnlyList<string>? Add, IReadOnlyList<string>? Remove);

/// <summary><c>PUT /graph-standin/{tid}/apps/{clientId}</c>: the secret to demand (null: any) and whether consent is granted.</summary>
internal sealed record AppPutRequest(string? Secret, bool ConsentGranted = true);

/// <summary><c>PUT /graph-standin/{tid}/knobs</c>: only the knobs given change.</summary>
internal sealed record KnobsPutRequest(
    int? PageSize,
    int? ThrottleNext,
    int? ThrottleRetryAfterSeconds,
    int? FailNext,
    int? FailRetryAfterSeconds,
    int? ResponseDelayMilliseconds);
