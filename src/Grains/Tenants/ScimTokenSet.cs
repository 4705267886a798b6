using Total.Grains.Abstractions.Tenants;
namespace Total.Grains.Tenants;

/// <summary>
/// A tenant's live SCIM tokens and how a rotation changes them. Every token lives its own overlap: a rotation retires
/// only the current token, until now + its overlap, and leaves earlier ones their own ends, so Entra never sees a 401
/// however often the customer rotates while it still uses an older token. At most <see cref="ScimToken.MaxLive"/> tokens work at
/// once; an overlap of 0 (after a leak) stops every earlier token at once, and is never refused.
/// </summary>
public static class ScimTokenSet
{
    public static List<StoredScimToken> Issue(byte[] hash, DateTimeOffset now) => [new StoredScimToken(hash, now)];

    /// <summary>
    /// The tokens after issuing <paramref name="hash"/> with <paramref name="overlap"/> for the current one (expired tokens
    /// dropped), or why not: with <see cref="ScimToken.MaxLive"/> live already, another overlap would exceed the bound.
    /// </summary>
    public static (List<StoredScimToken>? Tokens, string? Refusal) Rotate(IReadOnlyList<StoredScimToken> tokens, byte[] hash, DateTimeOffset now, TimeSpan overlap)
    {
        if (overlap <= TimeSpan.Zero)
        {
            return (Issue(hash, now), null);
        }

        var live = tokens.Where(token => token.IsLiveAt(now)).ToList();
        if (live.Count >= ScimToken.MaxLive)
        {
            var firstEnd = live.Where(token => !token.IsCurrent).Min(token => token.ValidUntil!.Value);
            return (null, $"{ScimToken.MaxLive} Secret Tokens work already (the current one and {live.Count - 1} earlier ones in their overlap; the first overlap ends {firstEnd:u}). "
                + "Wait until then, or rotate with an overlap of 0, which stops every earlier token at once.");
        }

        var retired = live.Select(token => token.IsCurrent ? token with { ValidUntil = now + overlap } : token);
        return ([.. retired, new StoredScimToken(hash, now)], null);
    }

    /// <summary>
    /// True when <paramref name="presented"/> is the hash of a live token. Every stored hash is compared, live or not, and
    /// whichever matches: the timing says neither whether nor which token matched.
    /// </summary>
    public static bool Accepts(IReadOnlyList<StoredScimToken> tokens, ReadOnlySpan<byte> presented, DateTimeOffset now)
    {
        var accepted = false;
        foreach (var token in tokens)
        {
            accepted |= ScimToken.HashesEqual(presented, token.Hash) & token.IsLiveAt(now);
        }

        return accepted;
    }

    /// <summary>The earlier tokens still in their overlap, in the order they were issued.</summary>
    public static IReadOnlyList<StoredScimToken> InOverlap(IReadOnlyList<StoredScimToken> tokens, DateTimeOffset now) =>
        tokens.Where(token => !token.IsCurrent && token.IsLiveAt(now)).ToList();
}
