using Total.Scim.Schema;

namespace Total.Scim.Filter;

/// <summary>
/// <c>attrPath[valFilter]</c>, e.g. <c>emails[type eq "work" and primary eq true]</c>: some value of the
/// multi-valued attribute satisfies <see cref="Filter"/>, whose paths are relative to one value.
/// The Entra form <c>emails[type eq "work"].value eq "x"</c> parses to
/// <c>emails[type eq "work" and value eq "x"]</c>, which means the same.
/// </summary>
/// <param name="Path">The multi-valued attribute.</param>
/// <param name="Filter">The filter applied to each value.</param>
public sealed record ValuePathNode(ScimAttributePath Path, FilterNode Filter) : FilterNode;
