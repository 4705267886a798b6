using Total.Scim.Errors;

namespace Total.Api.Scim;

/// <summary>
/// A method a SCIM path does not serve is 405 with <c>Allow</c> naming the methods it does (RFC 9110 §15.5.6), as a
/// SCIM error behind the same filters as every SCIM route (so the token is checked first). The methods are read from
/// the endpoints mapped for the same route pattern, so the header cannot drift from the routes.
/// </summary>
public static class ScimMethodNotAllowed
{
    /// <summary>
    /// Answers every method each of <paramref name="patterns"/> has no endpoint for. Routing prefers an endpoint that
    /// names the request's method, so these (which name none) only see the others.
    /// </summary>
    public static void MapMethodNotAllowed(this IEndpointRouteBuilder endpoints, params IEnumerable<string> patterns)
    {
        foreach (var pattern in patterns)
        {
            endpoints.Map(pattern, Refuse);
        }
    }

    private static IResult Refuse(HttpContext http, EndpointDataSource routes)
    {
        var allowed = AllowedMethods(http.GetEndpoint() as RouteEndpoint, routes);
        http.Response.Headers.Allow = allowed;
        return ScimResults.Error(ScimException.MethodNotAllowed($"This SCIM path supports only {allowed}."));
    }

    private static string AllowedMethods(RouteEndpoint? refusing, EndpointDataSource routes) => string.Join(", ", routes.Endpoints
        .OfType<RouteEndpoint>()
        .Where(endpoint => refusing is not null && endpoint.RoutePattern.RawText == refusing.RoutePattern.RawText)
        .SelectMany(endpoint => endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
        .Distinct(StringComparer.OrdinalIgnoreCase));
}
