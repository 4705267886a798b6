namespace Total.Scim.Filter;

/// <summary>
/// A node of a parsed SCIM filter (RFC 7644 §3.4.2.2). The tree is immutable and has value equality,
/// so parsed filters can be compared in tests and cached.
/// </summary>
public abstract record FilterNode;
