using System.Globalization;
using System.Text.Json.Nodes;
using Total.Scim.Schema;

namespace Total.Scim.Errors;

/// <summary>
/// The RFC 7644 §3.12 error response body. <c>status</c> is serialised as a string because the RFC
/// says so and Okta's test suite asserts it; <c>scimType</c> is omitted when null.
/// </summary>
/// <param name="Status">HTTP status code.</param>
/// <param name="ScimType">RFC 7644 error keyword, or null.</param>
/// <param name="Detail">Human-readable description.</param>
public sealed record ScimError(int Status, string? ScimType, string Detail)
{
    /// <summary>Builds the error body for an exception.</summary>
    public static ScimError From(ScimException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.ToError();
    }

    /// <summary>The error as a JSON object.</summary>
    public JsonObject ToJson()
    {
        var body = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemas.Error),
            ["status"] = Status.ToString(CultureInfo.InvariantCulture),
        };
        if (ScimType is not null)
        {
            body["scimType"] = ScimType;
        }

        body["detail"] = Detail;
        return body;
    }

    /// <summary>The error body as compact JSON text.</summary>
    public string ToJsonString() => ToJson().ToJsonString();
}
