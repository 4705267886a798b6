using Total.Grains.Abstractions;
using Total.Scim;

namespace Total.Api.Tests.Scim;

/// <summary>The <c>Scim:Limits</c> settings: every limit positive (0 would refuse every request), the JSON depth at most 256.</summary>
public sealed class ScimLimitsOptionsTests
{
    [Fact]
    public void Every_limit_that_is_not_positive_is_named()
    {
        var result = new ScimLimitsOptionsValidator().Validate(null, new ScimLimitsOptions
        {
            MaxJsonDepth = 0,
            MaxFilterLength = 0,
            MaxFilterTerms = -1,
            MaxFilterDepth = 0,
            MaxPatchOperations = 0,
            MaxPatchPathLength = 0,
            MaxPageSize = 0,
            MaxStringLength = 0,
        });

        string[] limits = ["MaxJsonDepth", "MaxFilterLength", "MaxFilterTerms", "MaxFilterDepth", "MaxPatchOperations", "MaxPatchPathLength", "MaxPageSize", "MaxStringLength"];
        Assert.All(limits, limit => Assert.Contains($"Scim:Limits:{limit} must be", result.FailureMessage, StringComparison.Ordinal));
    }

    [Fact]
    public void The_defaults_are_accepted() =>
        Assert.True(new ScimLimitsOptionsValidator().Validate(null, new ScimLimitsOptions()).Succeeded);
}
