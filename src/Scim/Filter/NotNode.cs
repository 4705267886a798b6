namespace Total.Scim.Filter;

/// <summary>Logical <c>not ( filter )</c>.</summary>
/// <param name="Inner">The negated filter.</param>
public sealed record NotNode(FilterNode Inner) : FilterNode;
