using Total.Grains.Secrets;

namespace Total.Grains.Tests.Secrets;

/// <summary>The <c>Secrets</c> settings, checked at start: every key, current or previous, is the base64 of 32 bytes.</summary>
public sealed class SecretProtectionOptionsTests
{
    private static readonly string ValidKey = Convert.ToBase64String(new byte[32]);

    [Theory]
    [InlineData("not base64!", "Secrets:EncryptionKey is not valid base64; it must be the base64 of 32 random bytes, e.g. the output of: openssl rand -base64 32")]
    [InlineData("c2hvcnQ=", "Secrets:EncryptionKey must be 32 bytes (base64 of 32 random bytes, e.g. the output of: openssl rand -base64 32), not 5.")]
    public void A_malformed_key_is_refused_with_the_setting_named(string key, string message)
    {
        var result = new SecretProtectionOptionsValidator().Validate(null, new SecretProtectionOptions { EncryptionKey = key });

        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_previous_key_is_named_by_its_index()
    {
        var result = new SecretProtectionOptionsValidator().Validate(null, new SecretProtectionOptions { EncryptionKey = ValidKey, PreviousEncryptionKeys = [ValidKey, "c2hvcnQ="] });

        Assert.Contains("Secrets:PreviousEncryptionKeys:1 must be 32 bytes", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void No_key_is_accepted_as_embedded_mode_runs_without_one() =>
        Assert.True(new SecretProtectionOptionsValidator().Validate(null, new SecretProtectionOptions()).Succeeded);
}
