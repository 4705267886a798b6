namespace Total.Scim.Filter;

/// <summary>
/// Bounds on filter size. Filters come from the network and are evaluated against every resource of
/// a tenant, so their cost must be bounded; Entra itself only sends one or two <c>eq</c> terms.
/// Exceeding any of them is 400 invalidFilter.
/// </summary>
/// <param name="MaxLength">Maximum filter length in characters.</param>
/// <param name="MaxTerms">Maximum number of terms: comparisons, <c>and</c>/<c>or</c>/<c>not</c> and value paths together.</param>
/// <param name="MaxDepth">Maximum nesting of parentheses, <c>not</c> and value paths (<c>emails[...]</c>).</param>
public sealed record FilterLimits(int MaxLength = 4096, int MaxTerms = 64, int MaxDepth = 16)
{
    /// <summary>4,096 characters, 64 terms, 16 levels.</summary>
    public static FilterLimits Default { get; } = new();
}
