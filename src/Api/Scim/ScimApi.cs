using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Total.Api.Scim;

/// <summary>The SCIM 2.0 service under each tenant's base URL, <c>/scim/v2/{tenantId}</c>.</summary>
public static class ScimApi
{
    public static IServiceCollection AddScimApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ScimOptions>().Bind(configuration.GetSection(ScimOptions.Section));
        services.AddSingleton<ScimBaseUrl>();
        services.AddSingleton<ScimTokenCache>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    public static IEndpointRouteBuilder MapScimApi(this IEndpointRouteBuilder endpoints)
    {
        var scim = endpoints.MapGroup(ScimBaseUrl.RoutePrefix + "/{tenantId}")
            .AddEndpointFilter<ScimAuthenticationFilter>()
            .WithTags("SCIM");
        scim.MapGet("/ServiceProviderConfig", ServiceProviderConfig);
        return endpoints;
    }

    private static IResult ServiceProviderConfig(HttpRequest request, ScimBaseUrl baseUrl, string tenantId) =>
        ScimResults.Json(new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"),
            ["patch"] = new JsonObject { ["supported"] = true },
            ["bulk"] = new JsonObject { ["supported"] = false, ["maxOperations"] = 0, ["maxPayloadSize"] = 0 },
            ["filter"] = new JsonObject { ["supported"] = true, ["maxResults"] = 1000 },
            ["changePassword"] = new JsonObject { ["supported"] = false },
            ["sort"] = new JsonObject { ["supported"] = true },
            ["etag"] = new JsonObject { ["supported"] = true },
            ["authenticationSchemes"] = new JsonArray(new JsonObject
            {
                ["type"] = "oauthbearertoken",
                ["name"] = "OAuth Bearer Token",
                ["description"] = "The Secret Token from TOTAL (Settings → SSO & Provisioning).",
                ["primary"] = true,
            }),
            ["meta"] = new JsonObject
            {
                ["resourceType"] = "ServiceProviderConfig",
                ["location"] = baseUrl.For(request, tenantId) + "/ServiceProviderConfig",
            },
        });
}
