namespace Total.Hosting.Http;

/// <summary>This site's address as the request reached it (<c>scheme://host/pathbase</c>), for links TOTAL hands out.</summary>
public static class SiteRoot
{
    public static string Of(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}
