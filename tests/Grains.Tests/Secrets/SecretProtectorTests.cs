using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Total.Grains.Secrets;

namespace Total.Grains.Tests.Secrets;

public sealed class SecretProtectorTests
{
    private static readonly string KeyA = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string KeyB = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void Protected_secret_round_trips_for_its_owner_and_is_not_plaintext()
    {
        var protector = Create(KeyA);

        var protectedValue = protector.Protect("client-secret-value", "tenant-a");

        Assert.DoesNotContain("client-secret-value", protectedValue, StringComparison.Ordinal);
        Assert.Equal("client-secret-value", protector.Unprotect(protectedValue, "tenant-a"));
    }

    [Fact]
    public void Ciphertext_copied_to_another_tenant_does_not_decrypt()
    {
        var protector = Create(KeyA);

        var protectedValue = protector.Protect("client-secret-value", "tenant-a");

        Assert.Null(protector.Unprotect(protectedValue, "tenant-b"));
    }

    [Fact]
    public void Tampered_ciphertext_does_not_decrypt()
    {
        var protector = Create(KeyA);
        var protectedValue = protector.Protect("client-secret-value", "tenant-a");
        var parts = protectedValue.Split('.');
        var bytes = Convert.FromBase64String(parts[2]);
        bytes[^1] ^= 1;

        var tampered = $"{parts[0]}.{parts[1]}.{Convert.ToBase64String(bytes)}";

        Assert.Null(protector.Unprotect(tampered, "tenant-a"));
    }

    [Fact]
    public void After_key_rotation_old_values_decrypt_with_the_previous_key()
    {
        var before = Create(KeyA).Protect("client-secret-value", "tenant-a");

        var rotated = Create(KeyB, previous: KeyA);

        Assert.Equal("client-secret-value", rotated.Unprotect(before, "tenant-a"));
        Assert.Null(Create(KeyB).Unprotect(before, "tenant-a"));
    }

    [Fact]
    public void Without_a_key_secrets_are_refused_not_stored_in_clear()
    {
        var protector = new SecretProtector(Options.Create(new SecretProtectionOptions()), NullLogger<SecretProtector>.Instance, allowEphemeralKey: false);

        Assert.False(protector.CanProtect);
        Assert.Throws<InvalidOperationException>(() => protector.Protect("x", "tenant-a"));
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public void Malformed_key_fails_at_startup_with_a_clear_message(string key)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Create(key));

        Assert.Contains("Secrets:EncryptionKey", error.Message, StringComparison.Ordinal);
    }

    private static SecretProtector Create(string key, string? previous = null) => new(
        Options.Create(new SecretProtectionOptions { EncryptionKey = key, PreviousEncryptionKeys = previous is null ? [] : [previous] }),
        NullLogger<SecretProtector>.Instance,
        allowEphemeralKey: false);
}
