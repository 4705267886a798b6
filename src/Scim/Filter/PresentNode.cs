using Total.Scim.Schema;

namespace Total.Scim.Filter;

/// <summary><c>attrPath pr</c>: the attribute has a non-empty value.</summary>
/// <param name="Path">The attribute tested.</param>
public sealed record PresentNode(ScimAttributePath Path) : FilterNode;
