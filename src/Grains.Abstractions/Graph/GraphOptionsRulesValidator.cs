using Microsoft.Extensions.Options;

namespace Total.Grains.Abstractions.Graph;

/// <summary>What annotations cannot say about <see cref="GraphOptions"/>: access tokens and client secrets go over HTTPS only.</summary>
public sealed class GraphOptionsRulesValidator : IValidateOptions<GraphOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphOptions options)
    {
        var failures = new List<string>();
        if (!SettingShapes.IsHttpsUrl(options.BaseUrl))
        {
            failures.Add($"{GraphOptions.Section}:{nameof(options.BaseUrl)} must be an absolute https URL, e.g. https://graph.microsoft.com/v1.0.");
        }

        if (!SettingShapes.IsHttpsUrl(options.AuthorityHost))
        {
            failures.Add($"{GraphOptions.Section}:{nameof(options.AuthorityHost)} must be an absolute https URL, e.g. https://login.microsoftonline.com/.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
