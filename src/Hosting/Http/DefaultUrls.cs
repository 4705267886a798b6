using Microsoft.AspNetCore.Hosting;

namespace Total.Hosting.Http;

/// <summary>Listens on a fixed default address unless <c>ASPNETCORE_URLS</c>, <c>--urls</c> or the port settings say otherwise.</summary>
public static class DefaultUrls
{
    public static WebApplicationBuilder UseDefaultUrl(this WebApplicationBuilder builder, string url)
    {
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey])
            && string.IsNullOrEmpty(builder.Configuration["HTTP_PORTS"])
            && string.IsNullOrEmpty(builder.Configuration["HTTPS_PORTS"]))
        {
            builder.WebHost.UseUrls(url);
        }

        return builder;
    }
}
