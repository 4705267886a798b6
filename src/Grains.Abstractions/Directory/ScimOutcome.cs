namespace Total.Grains.Abstractions.Directory;

/// <summary>
/// The answer of a SCIM grain call: an HTTP status and either the stored resource's JSON or the RFC 7644
/// error fields. Errors are values here, turned into the error body at the HTTP edge.
/// </summary>
[GenerateSerializer, Immutable, Alias("Total.ScimOutcome")]
public sealed record ScimOutcome(
    [property: Id(0)] int Status,
    [property: Id(1)] string? Resource,
    [property: Id(2)] string? ScimType = null,
    [property: Id(3)] string? Detail = null)
{
    public bool Succeeded => Status is >= 200 and < 300;

    public static ScimOutcome Ok(string resource) => new(200, resource);

    public static ScimOutcome Created(string resource) => new(201, resource);

    public static ScimOutcome NoContent { get; } = new(204, null);

    public static ScimOutcome Error(int status, string? scimType, string detail) => new(status, null, scimType, detail);

    public static ScimOutcome NotFound(string resourceType, string id) =>
        Error(404, null, $"{resourceType} '{id}' does not exist in this tenant.");
}
