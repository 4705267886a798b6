namespace Total.Scim.Filter;

/// <summary>Logical <c>and</c>.</summary>
/// <param name="Left">Left operand.</param>
/// <param name="Right">Right operand.</param>
public sealed record AndNode(FilterNode Left, FilterNode Right) : FilterNode;
