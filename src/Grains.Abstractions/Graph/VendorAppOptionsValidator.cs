using Microsoft.Extensions.Options;

namespace Total.Grains.Abstractions.Graph;

/// <summary>Checks <see cref="VendorAppOptions"/> at start: rules between settings and URL shapes that annotations cannot say.</summary>
public sealed class VendorAppOptionsValidator : IValidateOptions<VendorAppOptions>
{
    private const string Section = VendorAppOptions.Section;

    public ValidateOptionsResult Validate(string? name, VendorAppOptions options)
    {
        var failures = new ValidateOptionsResultBuilder();
        if (string.IsNullOrWhiteSpace(options.ClientId) != string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            failures.AddError($"{Section}:{nameof(options.ClientId)} and {Section}:{nameof(options.ClientSecret)} go together: set both to offer TOTAL's shared app to customers without their own app registration, or neither.");
        }

        if (!string.IsNullOrWhiteSpace(options.Instance) && !SettingShapes.IsHttpsUrl(options.Instance))
        {
            failures.AddError($"{Section}:{nameof(options.Instance)} must be an absolute https URL, e.g. https://login.microsoftonline.com/ (or unset: SignIn:Instance).");
        }

        if (!options.TenantId.Equals("organizations", StringComparison.OrdinalIgnoreCase) && !options.TenantId.Equals("common", StringComparison.OrdinalIgnoreCase))
        {
            failures.AddError($"{Section}:{nameof(options.TenantId)} must be 'organizations' (or 'common'): TOTAL's shared app signs in people of every customer's tenant.");
        }

        if (!options.CallbackPath.StartsWith('/'))
        {
            failures.AddError($"{Section}:{nameof(options.CallbackPath)} must be a path starting with '/', e.g. /signin-oidc.");
        }

        return failures.Build();
    }
}
