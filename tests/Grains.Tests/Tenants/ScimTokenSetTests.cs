using Total.Grains.Abstractions.Tenants;
using Total.Grains.Tenants;

namespace Total.Grains.Tests.Tenants;

/// <summary>Every SCIM token lives its own overlap, at most five work at once, and an overlap of 0 stops every earlier one.</summary>
public sealed class ScimTokenSetTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_rotation_retires_only_the_current_token_and_leaves_earlier_ones_their_own_end()
    {
        var tokens = ScimTokenSet.Issue(Hash("first"), Start);
        tokens = Rotate(tokens, "second", Start, TimeSpan.FromHours(24));

        tokens = Rotate(tokens, "third", Start.AddHours(1), TimeSpan.FromHours(2));

        Assert.Equal([Start.AddHours(24), Start.AddHours(3), null], tokens.Select(t => t.ValidUntil));
        Assert.True(ScimTokenSet.Accepts(tokens, Hash("first"), Start.AddHours(23)));
        Assert.False(ScimTokenSet.Accepts(tokens, Hash("second"), Start.AddHours(3)));
        Assert.True(ScimTokenSet.Accepts(tokens, Hash("third"), Start.AddDays(400)));
    }

    [Fact]
    public void A_rotation_with_five_live_tokens_is_refused_saying_when_one_ends()
    {
        var tokens = ScimTokenSet.Issue(Hash("t0"), Start);
        for (var i = 1; i < ScimToken.MaxLive; i++)
        {
            tokens = Rotate(tokens, $"t{i}", Start.AddMinutes(i), TimeSpan.FromHours(1));
        }

        var (refused, why) = ScimTokenSet.Rotate(tokens, Hash("t5"), Start.AddMinutes(5), TimeSpan.FromHours(1));

        Assert.Null(refused);
        Assert.Contains("5 Secret Tokens", why, StringComparison.Ordinal);
        Assert.Contains(Start.AddHours(1).AddMinutes(1).ToString("u", System.Globalization.CultureInfo.InvariantCulture), why, StringComparison.Ordinal);
    }

    [Fact]
    public void Tokens_whose_overlap_ended_do_not_count_and_are_dropped()
    {
        var tokens = ScimTokenSet.Issue(Hash("t0"), Start);
        for (var i = 1; i < ScimToken.MaxLive; i++)
        {
            tokens = Rotate(tokens, $"t{i}", Start, TimeSpan.FromHours(1));
        }

        tokens = Rotate(tokens, "t5", Start.AddHours(2), TimeSpan.FromHours(1));

        Assert.Equal(2, tokens.Count);
    }

    [Fact]
    public void An_overlap_of_zero_stops_every_earlier_token_even_with_five_live()
    {
        var tokens = ScimTokenSet.Issue(Hash("t0"), Start);
        for (var i = 1; i < ScimToken.MaxLive; i++)
        {
            tokens = Rotate(tokens, $"t{i}", Start, TimeSpan.FromDays(7));
        }

        tokens = Rotate(tokens, "leak-response", Start, TimeSpan.Zero);

        Assert.All(Enumerable.Range(0, ScimToken.MaxLive), i => Assert.False(ScimTokenSet.Accepts(tokens, Hash($"t{i}"), Start)));
        Assert.True(ScimTokenSet.Accepts(tokens, Hash("leak-response"), Start));
    }

    [Fact]
    public void The_earlier_tokens_in_their_overlap_are_listed_in_the_order_issued()
    {
        var tokens = ScimTokenSet.Issue(Hash("first"), Start);
        tokens = Rotate(tokens, "second", Start.AddMinutes(1), TimeSpan.FromHours(5));
        tokens = Rotate(tokens, "third", Start.AddMinutes(2), TimeSpan.FromHours(1));

        var inOverlap = ScimTokenSet.InOverlap(tokens, Start.AddMinutes(3));

        Assert.Equal([Start, Start.AddMinutes(1)], inOverlap.Select(t => t.IssuedAt));
    }

    private static List<StoredScimToken> Rotate(List<StoredScimToken> tokens, string token, DateTimeOffset now, TimeSpan overlap)
    {
        var (rotated, refusal) = ScimTokenSet.Rotate(tokens, Hash(token), now, overlap);
        Assert.Null(refusal);
        return rotated!;
    }

    private static byte[] Hash(string token) => ScimToken.Hash(token);
}
