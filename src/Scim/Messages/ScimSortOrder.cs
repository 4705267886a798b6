namespace Total.Scim.Messages;

/// <summary>RFC 7644 §3.4.2.3 <c>sortOrder</c>.</summary>
public enum ScimSortOrder
{
    /// <summary><c>ascending</c> (the default).</summary>
    Ascending,

    /// <summary><c>descending</c>.</summary>
    Descending,
}
