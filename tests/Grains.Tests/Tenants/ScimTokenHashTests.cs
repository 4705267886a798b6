using Total.Grains.Abstractions.Tenants;
using Total.Grains.Tenants;

namespace Total.Grains.Tests.Tenants;

public sealed class ScimTokenHashTests
{
    [Fact]
    public void Tokens_carry_256_random_bits_and_a_recognisable_prefix()
    {
        var tokens = Enumerable.Range(0, 100).Select(_ => ScimToken.Generate()).ToList();

        Assert.All(tokens, t => Assert.StartsWith(ScimToken.Prefix, t, StringComparison.Ordinal));
        Assert.All(tokens, t => Assert.Equal(ScimToken.Prefix.Length + 43, t.Length));
        Assert.Equal(tokens.Count, tokens.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Hash_matches_only_the_same_token()
    {
        var token = ScimToken.Generate();

        Assert.True(ScimToken.HashesEqual(ScimToken.Hash(token), ScimToken.Hash(token)));
        Assert.False(ScimToken.HashesEqual(ScimToken.Hash(token), ScimToken.Hash(token + "x")));
        Assert.False(ScimToken.HashesEqual(ScimToken.Hash(token), ScimToken.Hash(token).AsSpan(0, 16)));
    }
}
