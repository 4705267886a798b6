using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Total.Api.Scim;
using Total.Grains.Abstractions;
using Total.Grains.Abstractions.Access;
using Total.Grains.Abstractions.Tenants;

namespace Total.Api.Operator;

/// <summary>
/// The operator API (a fixed contract: README.md, "Operator API"): onboard, list, read, change and offboard tenants.
/// Every route needs the operator key.
/// </summary>
public static class OperatorApi
{
    public static IServiceCollection AddOperatorApi(this IServiceCollection services, IConfiguration configuration)
    {
        // Enums (reconciliation mode, outcome) as readable names, not numbers.
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        services.AddValidatedOptions<OperatorOptions, OperatorOptionsValidator>(configuration, OperatorOptions.Section);
        services.AddSingleton<OperatorKey>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, OperatorKeyAuthenticationHandler>(OperatorKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(OperatorKeyAuthenticationHandler.PolicyName, policy => policy
                .AddAuthenticationSchemes(OperatorKeyAuthenticationHandler.SchemeName)
                .RequireRole("operator"));
        return services;
    }

    public static IEndpointRouteBuilder MapOperatorApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/operator/diagnostics", OperatorDiagnostics.GetAsync)
            .RequireAuthorization(OperatorKeyAuthenticationHandler.PolicyName)
            .WithTags("Operator");
        var tenants = endpoints.MapGroup("/operator/tenants")
            .RequireAuthorization(OperatorKeyAuthenticationHandler.PolicyName)
            .WithTags("Operator");
        tenants.MapPost("", CreateAsync);
        tenants.MapGet("", ListAsync);
        tenants.MapGet("/{tenantId}", GetAsync);
        tenants.MapPut("/{tenantId}/groups", UpdateGroupsAsync);
        tenants.MapPut("/{tenantId}/entra-app", UpdateEntraAppAsync);
        tenants.MapPost("/{tenantId}/scim-token", RotateScimTokenAsync);
        tenants.MapDelete("/{tenantId}", DeleteAsync);
        tenants.MapOperatorAccessApi();
        return endpoints;
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, IGrainFactory grains, ScimBaseUrl scimBaseUrl, CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadAsync<CreateTenantRequest>(request, optional: false, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (string.IsNullOrWhiteSpace(body!.Name))
        {
            return JsonBody.Problem("'name' is required: the customer's name as operators and admins see it.");
        }

        if (!Guid.TryParse(body.EntraTenantId, out var entraTenantId) || entraTenantId == Guid.Empty)
        {
            return JsonBody.Problem("'entraTenantId' must be the customer's Entra tenant id, a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47 (Entra admin center → Overview → Tenant ID).");
        }

        var tenantId = TenantIds.New();
        var registration = new TenantRegistration(
            body.Name,
            entraTenantId,
            body.AdminGroups ?? [],
            body.MonitoredGroups ?? [],
            body.EntraClientId,
            body.EntraClientSecret);
        var creation = await grains.GetGrain<ITenantGrain>(tenantId).CreateAsync(registration);
        if (!creation.Outcome.Succeeded)
        {
            return ToProblem(creation.Outcome);
        }

        var tenant = creation.Tenant!;
        var response = new CreatedTenantResponse(TenantResponse.From(tenant, scimBaseUrl.For(request, tenant.TenantId)), creation.ScimToken!);
        return Results.Created($"/operator/tenants/{tenant.TenantId}", response);
    }

    private static async Task<IResult> ListAsync(HttpRequest request, IGrainFactory grains, ScimBaseUrl scimBaseUrl)
    {
        var tenants = await grains.GetGrain<ITenantDirectoryGrain>(ITenantDirectoryGrain.Key).ListAsync();
        return Results.Ok(new
        {
            totalResults = tenants.Count,
            tenants = tenants.Select(t => new { t.TenantId, t.Name, t.EntraTenantId, t.CreatedAt, scimBaseUrl = scimBaseUrl.For(request, t.TenantId) }),
        });
    }

    private static async Task<IResult> GetAsync(string tenantId, HttpRequest request, IGrainFactory grains, ScimBaseUrl scimBaseUrl)
    {
        var tenant = await grains.GetGrain<ITenantGrain>(tenantId).GetAsync();
        return tenant is null ? NotFound(tenantId) : Results.Ok(TenantResponse.From(tenant, scimBaseUrl.For(request, tenantId)));
    }

    private static async Task<IResult> UpdateGroupsAsync(string tenantId, HttpRequest request, IGrainFactory grains, ScimBaseUrl scimBaseUrl, CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadAsync<UpdateGroupsRequest>(request, optional: false, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (body!.AdminGroups is null || body.MonitoredGroups is null)
        {
            return JsonBody.Problem("Send both 'adminGroups' and 'monitoredGroups' (arrays of Entra group object ids or display names; [] for none).");
        }

        var tenant = grains.GetGrain<ITenantGrain>(tenantId);
        var outcome = await tenant.UpdateGroupsAsync(new GroupsUpdate(
            body.AdminGroups,
            body.MonitoredGroups,
            body.MonitorUsersOutsideGroups,
            ConfirmedAdminAccessLoss: body.ConfirmRemovingAllAdmins is true,
            Request: "operator API: PUT groups"));
        return outcome.Succeeded ? await GetAsync(tenantId, request, grains, scimBaseUrl) : ToProblem(outcome);
    }

    private static async Task<IResult> UpdateEntraAppAsync(string tenantId, HttpRequest request, IGrainFactory grains, ScimBaseUrl scimBaseUrl, CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadAsync<UpdateEntraAppRequest>(request, optional: false, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var outcome = await grains.GetGrain<ITenantGrain>(tenantId).UpdateEntraAppAsync(body!.EntraClientId, body.EntraClientSecret);
        return outcome.Succeeded ? await GetAsync(tenantId, request, grains, scimBaseUrl) : ToProblem(outcome);
    }

    private static async Task<IResult> RotateScimTokenAsync(
        string tenantId,
        HttpRequest request,
        ScimBaseUrl scimBaseUrl,
        ScimTokenRotation rotation,
        IOptions<ScimOptions> scimOptions,
        CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadAsync<RotateScimTokenRequest>(request, optional: true, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (body?.PreviousTokenValidForSeconds is < 0 or > 30 * 24 * 3600)
        {
            return JsonBody.Problem("'previousTokenValidForSeconds' must be between 0 (revoke the old token now, e.g. after a leak) and 2592000 (30 days).");
        }

        var overlap = body?.PreviousTokenValidForSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : scimOptions.Value.TokenRotationOverlap;
        var (issue, outcome) = await rotation.RotateAsync(tenantId, overlap);
        return outcome.Kind switch
        {
            TenantOutcomeKind.Ok => Results.Ok(new ScimTokenResponse(
                scimBaseUrl.For(request, tenantId), issue!.ScimToken, issue.IssuedAt, issue.PreviousTokenValidUntil, issue.EarlierTokens ?? [])),
            TenantOutcomeKind.Conflict => Results.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Too many live SCIM tokens",
                detail: $"{outcome.Detail} Here: \"previousTokenValidForSeconds\": 0."),
            _ => ToProblem(outcome),
        };
    }

    private static async Task<IResult> DeleteAsync(string tenantId, IGrainFactory grains, ScimTokenCache tokenCache)
    {
        var deleted = await grains.GetGrain<ITenantGrain>(tenantId).DeleteAsync();
        tokenCache.ForgetTenant(tenantId);
        return deleted ? Results.NoContent() : NotFound(tenantId);
    }

    private static IResult ToProblem(TenantOutcome outcome) => outcome.Kind switch
    {
        TenantOutcomeKind.NotFound => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: outcome.Detail),
        TenantOutcomeKind.AlreadyExists => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: outcome.Detail),
        TenantOutcomeKind.AdminAccessLoss => Results.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "Confirmation required",
            detail: $"{outcome.Detail} To apply it anyway, send \"confirmRemovingAllAdmins\": true.",
            extensions: new Dictionary<string, object?>
            {
                ["adminsLosingAccess"] = outcome.AdminAccessLoss!.LosingAccess,
                ["adminsLosingAccessCount"] = outcome.AdminAccessLoss.LosingAccessCount,
            }),
        _ => JsonBody.Problem(outcome.Detail ?? "The request is not valid."),
    };

    internal static IResult NotFound(string tenantId) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"Tenant '{tenantId}' does not exist.");
}
