using Total.Grains.Abstractions.Directory;
using Total.Scim.Errors;

namespace Total.Grains.Directory;

/// <summary>Turns protocol exceptions of the SCIM library into grain outcomes (errors are values across grain calls).</summary>
public static class ScimOutcomes
{
    public static ScimOutcome From(ScimException exception) => ScimOutcome.Error(exception.Status, exception.ScimType, exception.Detail);

    public static ScimOutcome Uniqueness(string attribute, string value, string ownerId) =>
        ScimOutcome.Error(409, "uniqueness", $"{attribute} '{value}' is already used by resource '{ownerId}' in this tenant.");

    public static ScimOutcome Conflict(string detail) => ScimOutcome.Error(409, null, detail);
}
