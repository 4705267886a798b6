using Total.Scim.Schema;

namespace Total.Scim.Filter;

/// <summary><c>attrPath compareOp compValue</c>, e.g. <c>userName eq "ada@contoso.example"</c>.</summary>
/// <param name="Path">The attribute compared.</param>
/// <param name="Operator">The operator.</param>
/// <param name="Value">The literal compared against.</param>
public sealed record ComparisonNode(ScimAttributePath Path, ComparisonOperator Operator, FilterLiteral Value) : FilterNode;
