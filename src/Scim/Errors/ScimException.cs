namespace Total.Scim.Errors;

/// <summary>
/// A SCIM protocol error: an HTTP status, an optional RFC 7644 <c>scimType</c> and a detail a
/// provisioning admin can act on. The front end turns it into the RFC 7644 §3.12 body in one place
/// via <see cref="ToError"/>. Details name the attribute, operation or position that is wrong and
/// never contain attribute values, so secrets (passwords, tokens) cannot leak into logs.
/// </summary>
public sealed class ScimException : Exception
{
    /// <summary>Creates a SCIM error.</summary>
    /// <param name="status">HTTP status code, e.g. 400.</param>
    /// <param name="scimType">RFC 7644 error keyword (see <see cref="ScimErrorType"/>), or null.</param>
    /// <param name="detail">Human-readable, actionable description without secret values.</param>
    public ScimException(int status, string? scimType, string detail)
        : base(detail)
    {
        Status = status;
        ScimType = scimType;
        Detail = detail;
    }

    /// <summary>Creates a 400 error with no <c>scimType</c>.</summary>
    public ScimException()
        : this(400, null, "The SCIM request is invalid.")
    {
    }

    /// <summary>Creates a 400 error with no <c>scimType</c>.</summary>
    public ScimException(string message)
        : this(400, null, message)
    {
    }

    /// <summary>Creates a 400 error with no <c>scimType</c> wrapping another exception.</summary>
    public ScimException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = 400;
        Detail = message;
    }

    /// <summary>HTTP status code.</summary>
    public int Status { get; }

    /// <summary>RFC 7644 <c>scimType</c> keyword, or null when the status alone says enough.</summary>
    public string? ScimType { get; }

    /// <summary>Actionable description of the problem.</summary>
    public string Detail { get; }

    /// <summary>The error as the value serialised into the response body.</summary>
    public ScimError ToError() => new(Status, ScimType, Detail);

    /// <summary>400 invalidFilter.</summary>
    public static ScimException InvalidFilter(string detail) => new(400, ScimErrorType.InvalidFilter, detail);

    /// <summary>400 invalidSyntax.</summary>
    public static ScimException InvalidSyntax(string detail) => new(400, ScimErrorType.InvalidSyntax, detail);

    /// <summary>400 invalidPath.</summary>
    public static ScimException InvalidPath(string detail) => new(400, ScimErrorType.InvalidPath, detail);

    /// <summary>400 noTarget.</summary>
    public static ScimException NoTarget(string detail) => new(400, ScimErrorType.NoTarget, detail);

    /// <summary>400 invalidValue.</summary>
    public static ScimException InvalidValue(string detail) => new(400, ScimErrorType.InvalidValue, detail);

    /// <summary>400 mutability.</summary>
    public static ScimException Mutability(string detail) => new(400, ScimErrorType.Mutability, detail);

    /// <summary>409 uniqueness.</summary>
    public static ScimException Uniqueness(string detail) => new(409, ScimErrorType.Uniqueness, detail);

    /// <summary>404 without <c>scimType</c>.</summary>
    public static ScimException NotFound(string detail) => new(404, null, detail);

    /// <summary>400 tooMany.</summary>
    public static ScimException TooMany(string detail) => new(400, ScimErrorType.TooMany, detail);

    /// <summary>412 without <c>scimType</c>: the <c>If-Match</c> version is stale.</summary>
    public static ScimException PreconditionFailed(string detail) => new(412, null, detail);

    /// <summary>400 invalidVers: a malformed version or entity tag.</summary>
    public static ScimException InvalidVersion(string detail) => new(400, ScimErrorType.InvalidVersion, detail);

    /// <summary>405 without <c>scimType</c>: the path does not serve the method (the HTTP edge adds <c>Allow</c>).</summary>
    public static ScimException MethodNotAllowed(string detail) => new(405, null, detail);

    /// <summary>501 without <c>scimType</c>: a SCIM feature the service does not offer (RFC 7644 §3.7 for Bulk, §3.11 for /Me).</summary>
    public static ScimException NotImplemented(string detail) => new(501, null, detail);
}
