using Total.Scim.Errors;
using Total.Scim.Messages;

namespace Total.Scim.Tests.Messages;

public class ScimETagTests
{
    [Fact]
    public void Version_becomes_a_weak_etag()
    {
        Assert.Equal("W/\"42\"", ScimETag.FromVersion(42));
    }

    [Theory]
    [InlineData("W/\"42\"", 42)]
    [InlineData("\"7\"", 7)]
    public void Version_is_read_back_from_weak_and_strong_tags(string etag, long expected)
    {
        Assert.True(ScimETag.TryParseVersion(etag, out var version));
        Assert.Equal(expected, version);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("W/\"abc\"")]
    [InlineData("\"1\", \"2\"")]
    public void Non_version_tags_are_not_versions(string? etag)
    {
        Assert.False(ScimETag.TryParseVersion(etag, out _));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("*", true)]
    [InlineData("W/\"5\"", true)]
    [InlineData("\"5\"", true)]
    [InlineData("W/\"4\"", false)]
    [InlineData("W/\"3\", W/\"5\"", true)]
    [InlineData("W/\"3\",W/\"4\"", false)]
    [InlineData("5", true)]
    public void If_match_compares_weakly_against_the_current_version(string? header, bool expected)
    {
        Assert.Equal(expected, ScimETag.IfMatchSatisfied(header, 5));
    }

    [Theory]
    [InlineData("W/\"5")]
    [InlineData("W/5")]
    public void Malformed_if_match_is_invalid_version(string header)
    {
        var error = Assert.Throws<ScimException>(() => ScimETag.IfMatchSatisfied(header, 5));

        Assert.Equal(ScimErrorType.InvalidVersion, error.ScimType);
    }
}
