using Microsoft.Extensions.Options;

namespace Total.Grains.Secrets;

/// <summary>Checks <see cref="SecretProtectionOptions"/> at start: every configured key has <see cref="EncryptionKeyFormat"/>'s shape.</summary>
public sealed class SecretProtectionOptionsValidator : IValidateOptions<SecretProtectionOptions>
{
    public ValidateOptionsResult Validate(string? name, SecretProtectionOptions options)
    {
        // Previous keys are named by their index, as an environment variable names them (Secrets__PreviousEncryptionKeys__0).
        var keys = options.PreviousEncryptionKeys.Select((key, index) => (Key: key, Setting: $"{SecretProtectionOptions.Section}:{nameof(options.PreviousEncryptionKeys)}:{index}"));
        if (!string.IsNullOrWhiteSpace(options.EncryptionKey))
        {
            keys = keys.Prepend((options.EncryptionKey, $"{SecretProtectionOptions.Section}:{nameof(options.EncryptionKey)}"));
        }

        var problems = keys.Select(key => EncryptionKeyFormat.TryDecode(key.Key, key.Setting, out var problem) is null ? problem : null).OfType<string>().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
