namespace Total.Scim.Filter;

/// <summary>
/// Bounds on filter size. Filters come from the network and are evaluated against every resource of
/// a tenant, so their cost must be bounded; Entra itself only sends one or two <c>eq</c> terms.
/// </summary>
public static class FilterLimits
{
    /// <summary>Maximum filter length in characters.</summary>
    public const int MaxLength = 4096;

    /// <summary>Maximum number of AST nodes (comparisons, logical operators, value paths).</summary>
    public const int MaxNodes = 64;

    /// <summary>Maximum nesting of parentheses, <c>not</c> and value paths.</summary>
    public const int MaxDepth = 16;
}
