using Total.Scim.Errors;

namespace Total.Api.Scim;

/// <summary>
/// <c>POST /Bulk</c> (RFC 7644 §3.7) is not offered: ServiceProviderConfig says <c>bulk.supported: false</c>, and the
/// answer is 501 in the SCIM error format rather than a 404 that reads like a wrong Tenant URL. The body is not read.
/// </summary>
public static class ScimBulkEndpoint
{
    public static void MapScimBulk(this RouteGroupBuilder scim)
    {
        scim.MapPost("/Bulk", NotImplemented);
        scim.MapMethodNotAllowed("/Bulk");
    }

    private static IResult NotImplemented() =>
        ScimResults.Error(ScimException.NotImplemented("Bulk operations are not supported (ServiceProviderConfig: bulk.supported is false); send each operation as its own request."));
}
