namespace Total.Scim.Filter;

/// <summary>Logical <c>or</c>.</summary>
/// <param name="Left">Left operand.</param>
/// <param name="Right">Right operand.</param>
public sealed record OrNode(FilterNode Left, FilterNode Right) : FilterNode;
