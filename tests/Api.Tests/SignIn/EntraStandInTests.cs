using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Microsoft.IdentityModel.Validators;
using Total.Api.Tests.Infrastructure;
using Total.DevStandIns.Entra;

namespace Total.Api.Tests.SignIn;

/// <summary>
/// The local Entra stand-in over real HTTPS: Entra v2.0 discovery, keys, the authorization code flow with PKCE,
/// tokens that Microsoft.IdentityModel validates, the defects tests ask for, and that it never runs outside Development.
/// </summary>
public sealed class EntraStandInTests(StandInServerFixture fixture) : IClassFixture<StandInServerFixture>
{
    private const string ClientId = "6731de76-14a6-49ae-97bc-6eba6914391e";
    private const string RedirectUri = "http://localhost:5080/signin-oidc/test";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Discovery_names_the_tenant_issuer_and_entra_v2_endpoints_over_https()
    {
        var tid = Guid.NewGuid();
        var instance = fixture.StandIn.Instance.ToString();

        var discovery = await GetJsonAsync($"{tid}/v2.0/.well-known/openid-configuration");

        Assert.StartsWith("https://127.0.0.1:", instance, StringComparison.Ordinal);
        Assert.Equal($"{instance}{tid}/v2.0", (string?)discovery["issuer"]);
        Assert.Equal(fixture.StandIn.Authority(tid), (string?)discovery["issuer"]);
        Assert.Equal($"{instance}{tid}/oauth2/v2.0/token", (string?)discovery["token_endpoint"]);
        Assert.Equal($"{instance}{tid}/discovery/v2.0/keys", (string?)discovery["jwks_uri"]);
        Assert.EndsWith($"/{tid}/oauth2/v2.0/authorize", (string?)discovery["authorization_endpoint"], StringComparison.Ordinal);
        Assert.EndsWith($"/{tid}/oauth2/v2.0/logout", (string?)discovery["end_session_endpoint"], StringComparison.Ordinal);
        Assert.Contains("code", Strings(discovery["response_types_supported"]));
        Assert.Equal(["query", "fragment", "form_post"], Strings(discovery["response_modes_supported"]));
        Assert.Equal(["pairwise"], Strings(discovery["subject_types_supported"]));
        Assert.Equal(["RS256"], Strings(discovery["id_token_signing_alg_values_supported"]));
        Assert.Equal(["openid", "profile", "email", "offline_access"], Strings(discovery["scopes_supported"]));
        Assert.Superset(new HashSet<string> { "tid", "oid", "name", "preferred_username" }, Strings(discovery["claims_supported"]).ToHashSet());
    }

    [Theory]
    [InlineData("organizations")]
    [InlineData("common")]
    public async Task Multi_tenant_discovery_publishes_the_tenantid_issuer_template(string alias)
    {
        var discovery = await GetJsonAsync($"{alias}/v2.0/.well-known/openid-configuration");

        Assert.Equal($"{fixture.StandIn.Instance}{{tenantid}}/v2.0", (string?)discovery["issuer"]);
        Assert.Equal($"{fixture.StandIn.Instance}{alias}/oauth2/v2.0/token", (string?)discovery["token_endpoint"]);
    }

    [Fact]
    public async Task Keys_publish_the_rsa_signing_key_with_the_issuer_template()
    {
        var jwks = await GetJsonAsync($"{Guid.NewGuid()}/discovery/v2.0/keys");

        var key = Assert.Single(jwks["keys"]!.AsArray())!;
        Assert.Equal("RSA", (string?)key["kty"]);
        Assert.Equal("sig", (string?)key["use"]);
        Assert.False(string.IsNullOrEmpty((string?)key["kid"]));
        Assert.Equal((string?)key["kid"], (string?)key["x5t"]);
        Assert.False(string.IsNullOrEmpty((string?)key["n"]));
        Assert.Equal("AQAB", (string?)key["e"]);
        Assert.Equal($"{fixture.StandIn.Instance}{{tenantid}}/v2.0", (string?)key["issuer"]);
    }

    [Fact]
    public async Task Code_flow_with_pkce_gives_an_id_token_that_validates_against_the_published_keys()
    {
        var tid = Guid.NewGuid();
        var oid = Guid.NewGuid().ToString();
        var authorization = await AuthorizeAsync(tid, new() { ["oid"] = oid, ["name"] = "Ada Lovelace", ["preferred_username"] = "ada@contoso.example" });

        var (status, tokens) = await RedeemAsync(tid, authorization);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Bearer", (string?)tokens["token_type"]);
        Assert.InRange((int)tokens["expires_in"]!, 3500, 3600);
        Assert.False(string.IsNullOrEmpty((string?)tokens["access_token"]));
        var result = await ValidateAsync(tid, (string)tokens["id_token"]!);
        Assert.True(result.IsValid, result.Exception?.Message);
        var token = (JsonWebToken)result.SecurityToken;
        Assert.Equal(authorization.Nonce, Claim(token, "nonce"));
        Assert.Equal(tid.ToString("D"), Claim(token, "tid"));
        Assert.Equal(oid, Claim(token, "oid"));
        Assert.Equal("Ada Lovelace", Claim(token, "name"));
        Assert.Equal("ada@contoso.example", Claim(token, "preferred_username"));
        Assert.Equal("2.0", Claim(token, "ver"));
        var jwks = await GetJsonAsync($"{tid}/discovery/v2.0/keys");
        Assert.Equal((string?)jwks["keys"]![0]!["kid"], token.Kid);
        Assert.Equal(token.Kid, token.X5t);
        Assert.False(string.IsNullOrEmpty(token.Subject));
        Assert.NotEqual(oid, token.Subject);
    }

    [Fact]
    public async Task Id_token_passes_the_aad_issuer_and_signing_key_issuer_validators_of_microsoft_identitymodel()
    {
        var tid = Guid.NewGuid();
        var authorization = await AuthorizeAsync(tid);
        var (_, tokens) = await RedeemAsync(tid, authorization);

        var result = await ValidateMultiTenantAsync((string)tokens["id_token"]!);

        Assert.True(result.IsValid, result.Exception?.Message);
    }

    [Fact]
    public async Task Organizations_sign_in_issues_a_token_for_the_tenant_given_on_the_form()
    {
        var tid = Guid.NewGuid();
        var authorization = await AuthorizeAsync("organizations", new() { ["tid"] = tid.ToString() });

        var (status, tokens) = await RedeemAsync("organizations", authorization);
        var result = await ValidateMultiTenantAsync((string)tokens["id_token"]!);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal(fixture.StandIn.Authority(tid), result.Issuer);
    }

    [Fact]
    public async Task Subject_is_pairwise_stable_for_one_user_and_app()
    {
        var tid = Guid.NewGuid();
        var identity = new Dictionary<string, string> { ["oid"] = Guid.NewGuid().ToString() };
        var first = await IdTokenAsync(tid, identity);
        var second = await IdTokenAsync(tid, identity);
        var otherApp = await IdTokenAsync(tid, identity, clientId: Guid.NewGuid().ToString());

        Assert.Equal(first.Subject, second.Subject);
        Assert.NotEqual(first.Subject, otherApp.Subject);
    }

    [Fact]
    public async Task A_code_can_be_redeemed_only_once()
    {
        var tid = Guid.NewGuid();
        var authorization = await AuthorizeAsync(tid);
        var (first, _) = await RedeemAsync(tid, authorization);

        var (second, error) = await RedeemAsync(tid, authorization);

        Assert.Equal(HttpStatusCode.OK, first);
        AssertEntraError(second, error, "invalid_grant", "AADSTS54005");
    }

    [Fact]
    public async Task Wrong_code_verifier_is_invalid_grant()
    {
        var tid = Guid.NewGuid();
        var authorization = await AuthorizeAsync(tid);

        var (status, error) = await RedeemAsync(tid, authorization with { Verifier = NewVerifier() });

        AssertEntraError(status, error, "invalid_grant", "AADSTS501481");
    }

    [Fact]
    public async Task Redirect_uri_other_than_the_authorized_one_is_invalid_grant()
    {
        var tid = Guid.NewGuid();
        var authorization = await AuthorizeAsync(tid);

        var (status, error) = await RedeemAsync(tid, authorization, redirectUri: "http://localhost:5080/signin-oidc/other");

        AssertEntraError(status, error, "invalid_grant", "AADSTS");
    }

    [Fact]
    public async Task Code_issued_to_another_client_or_tenant_is_invalid_grant()
    {
        var tid = Guid.NewGuid();
        var forOtherClient = await AuthorizeAsync(tid);
        var forOtherTenant = await AuthorizeAsync(tid);

        var (clientStatus, clientError) = await RedeemAsync(tid, forOtherClient, clientId: Guid.NewGuid().ToString());
        var (tenantStatus, tenantError) = await RedeemAsync(Guid.NewGuid(), forOtherTenant);

        AssertEntraError(clientStatus, clientError, "invalid_grant", "AADSTS");
        AssertEntraError(tenantStatus, tenantError, "invalid_grant", "AADSTS700005");
    }

    [Fact]
    public async Task A_tenants_code_is_redeemed_at_the_organizations_endpoint_as_multi_tenant_apps_do()
    {
        var tid = Guid.NewGuid();
        var authorization = await AuthorizeAsync(tid);

        var (status, tokens) = await RedeemAsync("organizations", authorization);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(tid.ToString("D"), Claim(new JsonWebToken((string)tokens["id_token"]!), "tid"));
    }

    [Fact]
    public async Task Admin_consent_grants_the_app_in_that_tenant_and_returns_as_entra_does()
    {
        var tid = Guid.NewGuid();
        var clientId = Guid.NewGuid().ToString();
        var apps = fixture.Server.Services.GetRequiredService<StandInAppRegistrations>();
        apps.SetConsent(tid, clientId, granted: false);
        using var browser = fixture.CreateBrowserClient();

        var response = await browser.GetAsync(
            $"/{tid}/v2.0/adminconsent?client_id={clientId}&scope={Uri.EscapeDataString("https://graph.microsoft.com/.default")}&redirect_uri={Uri.EscapeDataString(RedirectUri)}&state=s1",
            Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var query = QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        Assert.Equal(("True", tid.ToString("D"), "s1"), (query["admin_consent"].ToString(), query["tenant"].ToString(), query["state"].ToString()));
        Assert.True(apps.HasConsent(tid, clientId));
    }

    [Fact]
    public async Task Token_request_without_a_client_credential_is_invalid_client()
    {
        var tid = Guid.NewGuid();
        var authorization = await AuthorizeAsync(tid);

        var (status, error) = await RedeemAsync(tid, authorization, clientSecret: null);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("invalid_client", (string?)error["error"]);
    }

    [Fact]
    public async Task Lifetime_knob_gives_an_already_expired_token()
    {
        var tid = Guid.NewGuid();
        var (_, tokens) = await RedeemAsync(tid, await AuthorizeAsync(tid, new() { ["lifetime_seconds"] = "-600" }));

        var result = await ValidateAsync(tid, (string)tokens["id_token"]!);

        Assert.False(result.IsValid);
        Assert.IsType<SecurityTokenExpiredException>(result.Exception);
    }

    [Fact]
    public async Task Unknown_key_knob_gives_a_token_whose_signature_does_not_validate()
    {
        var tid = Guid.NewGuid();
        var (_, tokens) = await RedeemAsync(tid, await AuthorizeAsync(tid, new() { ["unknown_key"] = "true" }));

        var result = await ValidateAsync(tid, (string)tokens["id_token"]!);

        Assert.False(result.IsValid);
        Assert.IsAssignableFrom<SecurityTokenSignatureKeyNotFoundException>(result.Exception);
    }

    [Fact]
    public async Task Tid_override_knob_gives_a_token_whose_tid_does_not_match_its_issuer()
    {
        var tid = Guid.NewGuid();
        var otherTid = Guid.NewGuid().ToString();
        var (_, tokens) = await RedeemAsync(tid, await AuthorizeAsync(tid, new() { ["tid_override"] = otherTid }));
        var idToken = (string)tokens["id_token"]!;

        var result = await ValidateMultiTenantAsync(idToken);

        Assert.Equal(otherTid, Claim(new JsonWebToken(idToken), "tid"));
        Assert.Equal(fixture.StandIn.Authority(tid), new JsonWebToken(idToken).Issuer);
        Assert.False(result.IsValid);
        Assert.IsType<SecurityTokenInvalidIssuerException>(result.Exception);
    }

    [Fact]
    public async Task Issuer_override_knob_gives_a_token_from_a_foreign_issuer()
    {
        var tid = Guid.NewGuid();
        var (_, tokens) = await RedeemAsync(tid, await AuthorizeAsync(tid, new() { ["issuer_override"] = "https://sts.windows.net/" + tid + "/" }));

        var result = await ValidateAsync(tid, (string)tokens["id_token"]!);

        Assert.False(result.IsValid);
        Assert.IsType<SecurityTokenInvalidIssuerException>(result.Exception);
    }

    [Fact]
    public async Task Omit_oid_knob_gives_a_valid_token_without_oid()
    {
        var tid = Guid.NewGuid();
        var (_, tokens) = await RedeemAsync(tid, await AuthorizeAsync(tid, new() { ["omit_oid"] = "true" }));

        var result = await ValidateAsync(tid, (string)tokens["id_token"]!);

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.False(((JsonWebToken)result.SecurityToken).TryGetClaim("oid", out _));
    }

    [Fact]
    public async Task Authorize_page_lists_the_provisioned_users_of_the_tenant()
    {
        var tid = Guid.NewGuid();
        using var operatorClient = fixture.Server.CreateOperatorClient();
        var tenant = await operatorClient.CreateTenantAsync(entraTenantId: tid);
        using var scim = tenant.ScimClient();
        var adaOid = Guid.NewGuid().ToString();
        var graceOid = Guid.NewGuid().ToString();
        await CreateUserAsync(scim, "ada@contoso.example", "Ada Lovelace", adaOid);
        await CreateUserAsync(scim, "grace@contoso.example", "Grace Hopper", graceOid);
        using var browser = fixture.CreateBrowserClient();

        var response = await browser.GetAsync($"/{tid}/oauth2/v2.0/authorize?{AuthorizeQuery()}", Cancel);
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>Sign in (local Entra stand-in)</title>", html, StringComparison.Ordinal);
        Assert.Contains("Development stand-in", html, StringComparison.Ordinal);
        Assert.Contains("Sign in as Ada Lovelace", html, StringComparison.Ordinal);
        Assert.Contains("Sign in as Grace Hopper", html, StringComparison.Ordinal);
        Assert.Contains($"name=\"oid\" value=\"{adaOid}\"", html, StringComparison.Ordinal);
        Assert.Contains($"name=\"oid\" value=\"{graceOid}\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"grace@contoso.example\"", html, StringComparison.Ordinal);
        Assert.Contains($"name=\"redirect_uri\" value=\"{RedirectUri}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_refuses_a_redirect_uri_off_this_machine()
    {
        using var browser = fixture.CreateBrowserClient();

        var response = await browser.GetAsync($"/{Guid.NewGuid()}/oauth2/v2.0/authorize?{AuthorizeQuery(redirectUri: "https://evil.example/callback")}", Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("AADSTS50011", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_post_response_mode_renders_a_self_submitting_form_with_the_code()
    {
        using var browser = fixture.CreateBrowserClient();
        var form = AuthorizeForm(PkceChallenge(NewVerifier()), "n", "s");
        form["response_mode"] = "form_post";
        form["oid"] = Guid.NewGuid().ToString();
        form["name"] = "Test User";
        form["preferred_username"] = "test.user@contoso.example";

        var response = await browser.PostAsync($"/{Guid.NewGuid()}/oauth2/v2.0/authorize", new FormUrlEncodedContent(form), Cancel);
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<form method=\"post\" action=\"{RedirectUri}\">", html, StringComparison.Ordinal);
        Assert.Contains("name=\"code\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"state\" value=\"s\"", html, StringComparison.Ordinal);
        Assert.Contains("<noscript>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_returns_to_a_local_post_logout_redirect_uri()
    {
        using var browser = fixture.CreateBrowserClient();

        var response = await browser.GetAsync($"/{Guid.NewGuid()}/oauth2/v2.0/logout?post_logout_redirect_uri={Uri.EscapeDataString("http://localhost:5080/signout-callback-oidc")}&state=abc", Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("http://localhost:5080/signout-callback-oidc?state=abc", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Back_channel_endpoints_answer_only_on_the_https_endpoint_and_the_product_keeps_its_http_address()
    {
        using var browser = fixture.CreateBrowserClient();

        var discoveryOverHttp = await browser.GetAsync($"/{Guid.NewGuid()}/v2.0/.well-known/openid-configuration", Cancel);
        var health = await browser.GetAsync("/healthz", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, discoveryOverHttp.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("http", fixture.Server.BaseAddress.Scheme);
        var addresses = ServerAddresses(fixture.Server);
        Assert.Contains(addresses, a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));
        Assert.Contains($"https://127.0.0.1:{fixture.StandIn.Instance.Port}", addresses);
    }

    [Fact]
    public async Task Backchannel_handler_trusts_only_the_stand_ins_certificate()
    {
        using var ordinary = new HttpClient { BaseAddress = fixture.StandIn.Instance };

        await Assert.ThrowsAsync<HttpRequestException>(() => ordinary.GetAsync("organizations/v2.0/.well-known/openid-configuration", Cancel));
    }

    [Fact]
    public async Task Stand_in_stays_off_in_production_even_when_enabled()
    {
        await using var server = await TotalServer.StartApiAsync(StandInServerFixture.Settings("Production"));
        using var client = server.CreateClient();

        var standIn = server.Services.GetRequiredService<EntraStandIn>();
        var discovery = await client.GetAsync($"/{Guid.NewGuid()}/v2.0/.well-known/openid-configuration", Cancel);
        var authorize = await client.GetAsync($"/{Guid.NewGuid()}/oauth2/v2.0/authorize?{AuthorizeQuery()}", Cancel);

        Assert.False(standIn.IsActive);
        Assert.Throws<InvalidOperationException>(() => standIn.Instance);
        Assert.Equal(HttpStatusCode.NotFound, discovery.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, authorize.StatusCode);
        Assert.All(ServerAddresses(server), address => Assert.StartsWith("http://", address, StringComparison.Ordinal));
    }

    private sealed record Authorization(string Code, string Verifier, string Nonce, string ClientId);

    /// <summary>Picks an identity on the authorize page (a form POST, as the page's buttons do) and returns the code.</summary>
    private Task<Authorization> AuthorizeAsync(Guid tid, Dictionary<string, string>? fields = null, string clientId = ClientId) =>
        AuthorizeAsync(tid.ToString(), fields, clientId);

    private async Task<Authorization> AuthorizeAsync(string tenant, Dictionary<string, string>? fields = null, string clientId = ClientId)
    {
        var verifier = NewVerifier();
        var nonce = Guid.NewGuid().ToString("N");
        var state = Guid.NewGuid().ToString("N");
        var form = AuthorizeForm(PkceChallenge(verifier), nonce, state, clientId);
        form["oid"] = Guid.NewGuid().ToString();
        form["name"] = "Test User";
        form["preferred_username"] = "test.user@contoso.example";
        foreach (var (name, value) in fields ?? [])
        {
            form[name] = value;
        }

        using var browser = fixture.CreateBrowserClient();
        var response = await browser.PostAsync($"/{tenant}/oauth2/v2.0/authorize", new FormUrlEncodedContent(form), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(RedirectUri + "?", location.OriginalString, StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal(state, query["state"].ToString());
        return new Authorization(query["code"].ToString(), verifier, nonce, clientId);
    }

    private Task<(HttpStatusCode Status, JsonObject Body)> RedeemAsync(
        Guid tid,
        Authorization authorization,
        string redirectUri = RedirectUri,
        string? clientId = null,
        string? clientSecret = "any-secret") =>
        RedeemAsync(tid.ToString(), authorization, redirectUri, clientId, clientSecret);

    private async Task<(HttpStatusCode Status, JsonObject Body)> RedeemAsync(
        string tenant,
        Authorization authorization,
        string redirectUri = RedirectUri,
        string? clientId = null,
        string? clientSecret = "any-secret")
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = authorization.Code,
            ["redirect_uri"] = redirectUri,
            ["client_id"] = clientId ?? authorization.ClientId,
            ["code_verifier"] = authorization.Verifier,
        };
        if (clientSecret is not null)
        {
            form["client_secret"] = clientSecret;
        }

        using var backchannel = fixture.CreateBackchannelClient();
        var response = await backchannel.PostAsync($"{tenant}/oauth2/v2.0/token", new FormUrlEncodedContent(form), Cancel);
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!);
    }

    private async Task<JsonWebToken> IdTokenAsync(Guid tid, Dictionary<string, string> fields, string clientId = ClientId)
    {
        var (status, tokens) = await RedeemAsync(tid, await AuthorizeAsync(tid, fields, clientId));
        Assert.Equal(HttpStatusCode.OK, status);
        return new JsonWebToken((string)tokens["id_token"]!);
    }

    /// <summary>Single-tenant validation as an OIDC client does it: metadata and keys fetched over HTTPS, issuer, audience, lifetime, signature.</summary>
    private async Task<TokenValidationResult> ValidateAsync(Guid tid, string token)
    {
        using var backchannel = fixture.CreateBackchannelClient();
        var configuration = await new ConfigurationManager<OpenIdConnectConfiguration>(
                $"{fixture.StandIn.Authority(tid)}/.well-known/openid-configuration",
                new OpenIdConnectConfigurationRetriever(),
                new HttpDocumentRetriever(backchannel) { RequireHttps = true })
            .GetConfigurationAsync(Cancel);
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer,
            ValidAudience = ClientId,
            IssuerSigningKeys = configuration.SigningKeys,
        });
    }

    /// <summary>
    /// Multi-tenant validation as Microsoft.Identity.Web sets it up: the AAD issuer validator on the
    /// <c>organizations</c> authority (the {tenantid} template must match the token's tid) and the check that
    /// the signing key's published issuer matches.
    /// </summary>
    private async Task<TokenValidationResult> ValidateMultiTenantAsync(string token)
    {
        var backchannel = fixture.SharedBackchannel;
        var authority = $"{fixture.StandIn.Instance}organizations/v2.0";
        var configurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(
            $"{authority}/.well-known/openid-configuration",
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(backchannel) { RequireHttps = true });
        var parameters = new TokenValidationParameters
        {
            ValidAudience = ClientId,
            ConfigurationManager = configurationManager,
            IssuerValidator = AadIssuerValidator.GetAadIssuerValidator(authority, backchannel).Validate,
        };
        parameters.EnableAadSigningKeyIssuerValidation();
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, parameters);
    }

    private async Task<JsonObject> GetJsonAsync(string path)
    {
        using var backchannel = fixture.CreateBackchannelClient();
        var response = await backchannel.GetAsync(path, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!;
    }

    private static Dictionary<string, string> AuthorizeForm(string challenge, string nonce, string state, string clientId = ClientId) => new()
    {
        ["client_id"] = clientId,
        ["response_type"] = "code",
        ["redirect_uri"] = RedirectUri,
        ["scope"] = "openid profile offline_access",
        ["state"] = state,
        ["nonce"] = nonce,
        ["response_mode"] = "query",
        ["code_challenge"] = challenge,
        ["code_challenge_method"] = "S256",
    };

    private static string AuthorizeQuery(string redirectUri = RedirectUri)
    {
        var form = AuthorizeForm(PkceChallenge(NewVerifier()), "n", "s");
        form["redirect_uri"] = redirectUri;
        return string.Join('&', form.Select(pair => $"{pair.Key}={Uri.EscapeDataString(pair.Value)}"));
    }

    private static async Task CreateUserAsync(HttpClient scim, string userName, string displayName, string externalId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "Users")
        {
            Content = new StringContent(
                $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"externalId":"{{externalId}}","userName":"{{userName}}","displayName":"{{displayName}}","active":true}""",
                Encoding.UTF8,
                "application/scim+json"),
        };
        var response = await scim.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static void AssertEntraError(HttpStatusCode status, JsonObject body, string error, string aadstsPrefix)
    {
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(error, (string?)body["error"]);
        Assert.StartsWith(aadstsPrefix, (string?)body["error_description"], StringComparison.Ordinal);
    }

    private static string NewVerifier() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    private static string PkceChallenge(string verifier) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private static string? Claim(JsonWebToken token, string type) => token.TryGetClaim(type, out var claim) ? claim.Value : null;

    private static string[] Strings(JsonNode? array) => array!.AsArray().Select(node => (string)node!).ToArray();

    private static string[] ServerAddresses(TotalServer server) =>
        server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.ToArray();
}
