namespace Total.Scim.Schema;

/// <summary>RFC 7643 §7 <c>returned</c>.</summary>
public enum ScimReturned
{
    /// <summary>Returned unless excluded.</summary>
    Default,

    /// <summary>Always returned, even when excluded or not requested.</summary>
    Always,

    /// <summary>Never returned.</summary>
    Never,

    /// <summary>Returned only when named in <c>attributes</c>.</summary>
    Request,
}
