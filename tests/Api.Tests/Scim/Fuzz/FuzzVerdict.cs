using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Total.Api.Tests.Scim.Fuzz;

/// <summary>
/// What every answer to a hostile request must be: never 5xx (but the 501 of <c>POST /Bulk</c>, a refusal like a 4xx); a 4xx when the request aimed at the victim's data;
/// a list never longer than the largest page; and every 4xx a SCIM error (RFC 7644 §3.12: the Error schema, <c>status</c> a string equal to the HTTP status,
/// <c>application/scim+json</c>). Only answers Kestrel gives before the application runs carry no body.
/// </summary>
public static class FuzzVerdict
{
    private const string ErrorSchema = "urn:ietf:params:scim:api:messages:2.0:Error";
    private const string ListResponseSchema = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    private const int MaxPageSize = 1000;
    private static readonly int[] KestrelRefusals = [400, 414, 431];

    /// <summary>The one deliberate 5xx: <c>POST /Bulk</c> is not offered (RFC 7644 §3.7); it must still be a SCIM error.</summary>
    private const int NotImplemented = 501;

    /// <summary>Null when the answer is acceptable, else why not.</summary>
    public static string? Check(FuzzRequest request, int status, string? mediaType, string body)
    {
        if (status >= 500 && status != NotImplemented)
        {
            return $"answered {status}";
        }

        if (request.MustBeRefused && status < 400)
        {
            return $"answered {status} to a request that must be refused";
        }

        if (status < 400 || request.Method == "HEAD")
        {
            return status == 200 ? CheckListResponse(body) : null;
        }

        if (body.Length == 0 && request.MayBeRefusedByKestrel && KestrelRefusals.Contains(status))
        {
            return null;
        }

        if (mediaType != FuzzRequest.ScimMediaType)
        {
            return $"answered {status} as '{mediaType}', not {FuzzRequest.ScimMediaType}";
        }

        return IsScimError(body, status) ? null : $"answered {status} without a SCIM error body";
    }

    /// <summary>A ListResponse serves at most <see cref="MaxPageSize"/> resources, and says how many (RFC 7644 §3.4.2.4).</summary>
    private static string? CheckListResponse(string body)
    {
        try
        {
            if (JsonNode.Parse(body) is not JsonObject list || list["schemas"]?.AsArray().Any(s => (string?)s == ListResponseSchema) != true)
            {
                return null;
            }

            var items = list["Resources"]?.AsArray().Count ?? 0;
            return (int?)list["itemsPerPage"] == items && items <= MaxPageSize && (int?)list["startIndex"] >= 1 && (int?)list["totalResults"] >= 0
                ? null
                : $"answered a ListResponse with {items} resources, itemsPerPage {list["itemsPerPage"]}, startIndex {list["startIndex"]}, totalResults {list["totalResults"]}";
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsScimError(string body, int status)
    {
        try
        {
            var error = JsonNode.Parse(body) as JsonObject;
            return error?["schemas"] is JsonArray schemas
                && schemas.Any(s => s?.GetValueKind() == JsonValueKind.String && (string?)s == ErrorSchema)
                && error["status"]?.GetValueKind() == JsonValueKind.String
                && (string?)error["status"] == status.ToString(CultureInfo.InvariantCulture)
                && error["detail"]?.GetValueKind() == JsonValueKind.String;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
