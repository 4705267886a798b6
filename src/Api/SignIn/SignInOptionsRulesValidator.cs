using Microsoft.Extensions.Options;
using Total.Grains.Abstractions;

namespace Total.Api.SignIn;

/// <summary>What annotations cannot say about <see cref="SignInOptions"/>: sign-in authorities are HTTPS.</summary>
public sealed class SignInOptionsRulesValidator : IValidateOptions<SignInOptions>
{
    public ValidateOptionsResult Validate(string? name, SignInOptions options) =>
        SettingShapes.IsHttpsUrl(options.Instance.OriginalString)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{SignInOptions.Section}:{nameof(options.Instance)} must be an absolute https URL, e.g. https://login.microsoftonline.com/.");
}
