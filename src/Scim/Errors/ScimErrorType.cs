namespace Total.Scim.Errors;

/// <summary>
/// The <c>scimType</c> keywords of RFC 7644 §3.12, so callers never spell them by hand.
/// </summary>
public static class ScimErrorType
{
    /// <summary>The filter syntax was invalid or the filter is not supported.</summary>
    public const string InvalidFilter = "invalidFilter";

    /// <summary>The filter yields more results than the server is willing to process.</summary>
    public const string TooMany = "tooMany";

    /// <summary>One or more unique attribute values are already in use (409).</summary>
    public const string Uniqueness = "uniqueness";

    /// <summary>The request tried to change a readOnly or immutable attribute.</summary>
    public const string Mutability = "mutability";

    /// <summary>The request body structure was invalid.</summary>
    public const string InvalidSyntax = "invalidSyntax";

    /// <summary>The PATCH path attribute was invalid or malformed.</summary>
    public const string InvalidPath = "invalidPath";

    /// <summary>The PATCH path did not yield an attribute that could be operated on.</summary>
    public const string NoTarget = "noTarget";

    /// <summary>A required value was missing or a value was not compatible with the attribute type.</summary>
    public const string InvalidValue = "invalidValue";

    /// <summary>The specified SCIM protocol version or entity tag is not supported or malformed.</summary>
    public const string InvalidVersion = "invalidVers";

    /// <summary>The request would put sensitive information in the URI.</summary>
    public const string Sensitive = "sensitive";
}
