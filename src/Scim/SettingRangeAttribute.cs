using System.ComponentModel.DataAnnotations;

namespace Total.Scim;

/// <summary>
/// <see cref="RangeAttribute"/> whose <see cref="ValidationAttribute.ErrorMessage"/> is kept. The options-validation
/// source generator swaps a plain <c>[Range]</c> for a copy that always says "The field X must be between …"
/// (dotnet/runtime#123137), which names neither the setting as an operator types it nor an example.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class SettingRangeAttribute : RangeAttribute
{
    public SettingRangeAttribute(int minimum, int maximum)
        : base(minimum, maximum)
    {
    }

    public SettingRangeAttribute(Type type, string minimum, string maximum)
        : base(type, minimum, maximum)
    {
        // Limits like "1.00:00:00" must read the same on every machine, whatever its culture.
        ParseLimitsInInvariantCulture = true;
        ConvertValueInInvariantCulture = true;
    }
}
